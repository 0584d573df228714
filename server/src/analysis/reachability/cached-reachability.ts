import type { MapEntry, MapMatch } from '../../model/types';
import { analyzeMapReachability, reachabilitySteps } from './analyze-map-reachability';
import type { LineReachability } from './line-reachability';

/*
 * Reachability depends only on a map's entries and the match kind, and the
 * language server keeps one MapFile object per unchanged map text. Editing a
 * config therefore reuses the (costly) automaton work for its maps. Keyed
 * weakly by the immutable entries array, so closed maps are collected.
 */
const cache = new WeakMap<readonly MapEntry[], Map<MapMatch, readonly LineReachability[]>>();

/** Analyses under way a step at a time, shared by everyone who steps them. */
const running = new WeakMap<readonly MapEntry[], Map<MapMatch, Generator<void, void, void>>>();

/** `analyzeMapReachability(entries, match)`, computed once per entries array and match kind. */
export function cachedMapReachability(entries: readonly MapEntry[], match: MapMatch): readonly LineReachability[] {
  const steps = cachedReachabilitySteps(entries, match);
  while (steps.next().done !== true) {
    // Each step analyses one line.
  }
  return cache.get(entries)?.get(match) as readonly LineReachability[];
}

/**
 * The verdict on the line at `index`: taken from the analysis of the whole
 * map when it is cached (a hover on a map line after its diagnostics), else
 * worked out for that line alone. Both give the same verdict, as a line's
 * depends on it and the lines above it only.
 */
export function lineReachability(entries: readonly MapEntry[], match: MapMatch, index: number): LineReachability | undefined {
  return cache.get(entries)?.get(match)?.[index] ?? analyzeMapReachability(entries, match, { only: new Set([index]) })[0];
}

/**
 * The work of `cachedMapReachability` a line at a time: done at once when
 * the result is cached, and cached when the last step is taken. Callers that
 * step the same entries and match step one analysis between them.
 */
export function cachedReachabilitySteps(entries: readonly MapEntry[], match: MapMatch): Generator<void, void, void> {
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
    steps = analyseAndCache(entries, match);
    byMatch.set(match, steps);
  }
  return steps;
}

function* analyseAndCache(entries: readonly MapEntry[], match: MapMatch): Generator<void, void, void> {
  try {
    const results = yield* reachabilitySteps(entries, match);
    let byMatch = cache.get(entries);
    if (!byMatch) {
      byMatch = new Map();
      cache.set(entries, byMatch);
    }
    byMatch.set(match, results);
  } finally {
    // Also when a step threw: the next caller starts over and meets the same error.
    running.get(entries)?.delete(match);
  }
}

function* nothingLeft(): Generator<void, void, void> {
  // A generator that is done at its first step.
}
