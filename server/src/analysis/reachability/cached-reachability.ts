import type { MapEntry, MapFile, MapMatch } from '../../model/types';
import { analyzeMapReachability, reachabilitySteps } from './analyze-map-reachability';
import type { LineReachability } from './line-reachability';
import { toByteString } from '../../matching/byte-string';
import type { CompiledRegex } from '../../matching/compile-regex';
import { compileMapKey } from '../../matching/match-map';

/*
 * Reachability depends only on a map's entries and the match kind, and the
 * language server keeps one MapFile object per unchanged map text. Editing a
 * config therefore reuses the (costly) automaton work for its maps. Keyed
 * weakly by the immutable entries array, so closed maps are collected.
 *
 * Editing the map itself gives a new entries array. For the match kinds
 * where the first matching line wins (map_reg, map_regm), a line's verdict
 * depends on its key and the keys above it only: the lines above the first
 * changed key keep the verdicts of the last analysis of the same file. Below
 * the changed lines, a line that was reachable stays reachable through the
 * same witness when no changed line matches that witness, so only the
 * changed lines, those they now take the witness from and the unreachable
 * and undecided lines are analysed again (the last keep the proofs a fresh
 * analysis gives).
 */
const cache = new WeakMap<readonly MapEntry[], Map<MapMatch, readonly LineReachability[]>>();

/** Analyses under way a step at a time, shared by everyone who steps them. */
const running = new WeakMap<readonly MapEntry[], Map<MapMatch, Generator<void, void, void>>>();

/** The last analysis of each map file and match kind whose verdicts carry over to the lines it shares with the next version. */
const lastOfFile = new Map<string, { readonly entries: readonly MapEntry[]; readonly results: readonly LineReachability[] }>();

/** Map files whose last analysis is kept (an editor has a few maps open). */
const KEPT_FILES = 16;

/** `analyzeMapReachability(map.entries, match)`, computed once per entries array and match kind. */
export function cachedMapReachability(map: MapFile, match: MapMatch): readonly LineReachability[] {
  const steps = cachedReachabilitySteps(map, match);
  while (steps.next().done !== true) {
    // Each step analyses one line.
  }
  return cache.get(map.entries)?.get(match) as readonly LineReachability[];
}

/**
 * The verdict on the line at `index`: taken from the analysis of the whole
 * map when it is cached (a hover on a map line after its diagnostics), else
 * worked out for that line alone, which decides it the same way.
 */
export function lineReachability(map: MapFile, match: MapMatch, index: number): LineReachability | undefined {
  return cache.get(map.entries)?.get(match)?.[index] ?? analyzeMapReachability(map.entries, match, { only: new Set([index]) })[0];
}

/**
 * The work of `cachedMapReachability` a line at a time: done at once when
 * the result is cached, and cached when the last step is taken. Callers that
 * step the same entries and match step one analysis between them.
 */
export function cachedReachabilitySteps(map: MapFile, match: MapMatch): Generator<void, void, void> {
  const entries = map.entries;
  if (cache.get(entries)?.has(match) === true) {
    return nothingLeft();
  }
  let byMatch = running.get(entries);
  if (!byMatch) {
    byMatch = new Map();
    running.set(entries, byMatch);
  }
  let steps = byMatch.get(match);
  if (!steps) {
    steps = analyseAndCache(map, match);
    byMatch.set(match, steps);
  }
  return steps;
}

function* analyseAndCache(map: MapFile, match: MapMatch): Generator<void, void, void> {
  const entries = map.entries;
  const fileKey = `${map.file.path}\0${match}`;
  try {
    const firstWins = match === 'reg' || match === 'regm' ? match : undefined;
    const last = firstWins === undefined ? undefined : lastOfFile.get(fileKey);
    const known = last === undefined || firstWins === undefined ? [] : carriedOver(last.entries, last.results, entries, firstWins);
    const results = yield* reachabilitySteps(entries, match, { known });
    let byMatch = cache.get(entries);
    if (!byMatch) {
      byMatch = new Map();
      cache.set(entries, byMatch);
    }
    byMatch.set(match, results);
    lastOfFile.delete(fileKey);
    lastOfFile.set(fileKey, { entries, results });
    if (lastOfFile.size > KEPT_FILES) {
      lastOfFile.delete(lastOfFile.keys().next().value as string);
    }
  } finally {
    // Also when a step threw: the next caller starts over and meets the same error.
    running.get(entries)?.delete(match);
  }
}

/**
 * The verdicts of `before` for the lines of `after` above its first changed
 * key, made to point at the entries of `after` (same index, same key; the
 * line numbers may differ when comment lines came or went).
 */
function carriedOver(before: readonly MapEntry[], verdicts: readonly LineReachability[], after: readonly MapEntry[], match: 'reg' | 'regm'): (LineReachability | undefined)[] {
  let same = 0;
  while (same < before.length && same < after.length && (before[same] as MapEntry).key === (after[same] as MapEntry).key) {
    same++;
  }
  const indexOf = new Map<MapEntry, number>();
  for (let i = 0; i < same; i++) {
    indexOf.set(before[i] as MapEntry, i);
  }
  const moved = (e: MapEntry): MapEntry => after[indexOf.get(e) as number] as MapEntry;
  const out: (LineReachability | undefined)[] = [];
  for (let i = 0; i < same; i++) {
    const v = verdicts[i] as LineReachability;
    const entry = after[i] as MapEntry;
    out.push(v.kind === 'unreachable' ? { ...v, entry, coveredBy: v.coveredBy.map(moved) } : { ...v, entry });
  }
  // The lines below the changed ones, counted from the end.
  let tail = 0;
  const room = Math.min(before.length, after.length) - same;
  while (tail < room && (before[before.length - 1 - tail] as MapEntry).key === (after[after.length - 1 - tail] as MapEntry).key) {
    tail++;
  }
  const changed = after.slice(same, after.length - tail);
  if (tail === 0 || changed.length > MAX_CHANGED_FOR_TAIL) {
    return out;
  }
  const regexes = changed.map((e) => compileMapKey(e.key, match));
  for (let i = same; i < after.length - tail; i++) {
    out.push(undefined);
  }
  for (let t = tail; t > 0; t--) {
    const v = verdicts[before.length - t] as LineReachability;
    out.push(v.kind === 'reachable' && !regexes.some((re) => takesWitness(re, v.witness, match)) ? { ...v, entry: after[after.length - t] as MapEntry } : undefined);
  }
  return out;
}

/** Above this many changed lines, the lines below them are all analysed again. */
const MAX_CHANGED_FOR_TAIL = 16;

/** True when `re` matches `witness` (or cannot say): a changed line that would take a line's witness. */
function takesWitness(re: CompiledRegex, witness: string, match: 'reg' | 'regm'): boolean {
  const r = re.searchBytes(toByteString(witness), match === 'regm');
  return 'status' in r || r.matched;
}

function* nothingLeft(): Generator<void, void, void> {
  // A generator that is done at its first step.
}
