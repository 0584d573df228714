import type { MapEntry, MapMatch } from '../model/types';
import { toByteString } from './byte-string';
import { compileRegex, type CompiledRegex } from './compile-regex';
import { inRange, parseIntInput, parseIntRange, type IntRange } from './int-range';
import { IpPrefixIndex, parseIpAddress, parseIpPrefix } from './ip-prefix';
import { substringIndex, suffixIndex, wordIndex, type FirstKeyLookup } from './first-key-index';
import { LiteralIndex } from './literal-index';
import { DIR_DELIMITERS, DOM_DELIMITERS, matchWord } from './match-word';
import { expandRegmTemplate } from './regm-template';

/** Which entry a map converter picks for an input, and the value it returns. */
export type MapMatchResult =
  | { readonly entry: MapEntry; readonly value: string }
  | { readonly entry: undefined }
  | { readonly unsupported: string };

/** A map prepared for repeated lookups (indexes built once). */
export interface PreparedMap {
  readonly entries: readonly MapEntry[];
  readonly match: MapMatch;
  /** Same contract as matchMap. */
  lookup(input: string): MapMatchResult;
  /**
   * The first-in-order winner among entries before `limit` only (same result
   * shape as lookup). Meaningful for first-in-order kinds (reg, regm, sub,
   * end, dir, dom, int); for str, beg and ip it is lookup's winner when that
   * winner is before `limit`.
   */
  lookupBefore(input: string, limit: number): MapMatchResult;
  /** The compiled regex of entry `index` (reg/regm maps only). */
  regexAt(index: number): CompiledRegex | undefined;
  /** Position of `entry` in `entries` (-1 when absent), without a scan. */
  indexOf(entry: MapEntry): number;
}

const NONE: MapMatchResult = { entry: undefined };

/** A lookup returning the entry at the index `find` gives (-1 for none). */
function entryAt(entries: readonly MapEntry[], find: FirstKeyLookup): (input: string) => MapMatchResult {
  return (input) => {
    const entry = entries[find(input)];
    return entry === undefined ? NONE : { entry, value: entry.value };
  };
}

function firstByKey(entries: readonly MapEntry[]): Map<string, MapEntry> {
  const byKey = new Map<string, MapEntry>();
  for (const e of entries) {
    if (!byKey.has(e.key)) {
      byKey.set(e.key, e);
    }
  }
  return byKey;
}

function positions(entries: readonly MapEntry[]): (entry: MapEntry) => number {
  let byEntry: Map<MapEntry, number> | undefined;
  return (entry) => {
    byEntry ??= new Map(entries.map((e, i) => [e, i]));
    return byEntry.get(entry) ?? -1;
  };
}

/** A prepared map without regexes, whose lookupBefore filters lookup's winner. */
function withPositions(entries: readonly MapEntry[], match: MapMatch, lookup: (input: string) => MapMatchResult): PreparedMap {
  const indexOf = positions(entries);
  const lookupBefore = (input: string, limit: number): MapMatchResult => {
    const r = lookup(input);
    return 'entry' in r && r.entry !== undefined && indexOf(r.entry) >= limit ? NONE : r;
  };
  return { entries, match, lookup, lookupBefore, regexAt: () => undefined, indexOf };
}

/** The regex of a map_reg / map_regm key, compiled as HAProxy compiles it (compileRegex caches it by pattern). */
export function compileMapKey(key: string, match: 'reg' | 'regm'): CompiledRegex {
  return compileRegex(key, { caseless: false, noAutoCapture: match === 'reg' });
}

function regexMatcher(entries: readonly MapEntry[], match: 'reg' | 'regm'): PreparedMap {
  const compiled = entries.map((e) => compileMapKey(e.key, match));
  const index = LiteralIndex.of(compiled.map((c) => (c.translation.ok ? c.translation.requiredLiteral : '')));
  const lookupBefore = (input: string, limit: number): MapMatchResult => {
    const bytes = toByteString(input);
    for (const i of index.candidates(bytes)) {
      if (i >= limit) {
        break;
      }
      const entry = entries[i];
      const re = compiled[i];
      if (entry === undefined || re === undefined) {
        continue;
      }
      const r = re.searchBytes(bytes, match === 'regm');
      if ('status' in r) {
        // HAProxy would refuse a bad regex at load time and treat a match-limit
        // error as "no match"; either way we cannot say who wins.
        return { unsupported: `line ${entry.line + 1}: ${r.status === 'limit' ? 'the regex hit the backtracking bound (PCRE2 would report a match-limit error)' : r.reason}` };
      }
      if (r.matched) {
        if (match === 'reg') {
          return { entry, value: entry.value };
        }
        const value = expandRegmTemplate(entry.value, r.groups ?? []);
        return value === undefined ? { unsupported: `line ${entry.line + 1}: the value template ends inside an escape, so HAProxy fails the converter` } : { entry, value };
      }
    }
    return NONE;
  };
  const lookup = (input: string): MapMatchResult => lookupBefore(input, Infinity);
  return { entries, match, lookup, lookupBefore, regexAt: (i) => compiled[i], indexOf: positions(entries) };
}

function parsedMatcher<T>(entries: readonly MapEntry[], match: MapMatch, parse: (key: string) => T | undefined, pick: (keys: readonly (T | undefined)[], input: string) => number | 'bad-input'): PreparedMap {
  const keys = entries.map((e) => parse(e.key));
  const lookup = (input: string): MapMatchResult => {
    const i = pick(keys, input);
    if (i === 'bad-input') {
      return NONE;
    }
    const entry = entries[i];
    return entry === undefined ? NONE : { entry, value: entry.value };
  };
  return withPositions(entries, match, lookup);
}

function pickInt(keys: readonly (IntRange | undefined)[], input: string): number | 'bad-input' {
  const n = parseIntInput(input);
  return n === undefined ? 'bad-input' : keys.findIndex((k) => k !== undefined && inRange(k, n));
}

function ipMatcher(entries: readonly MapEntry[]): PreparedMap {
  const index = new IpPrefixIndex(entries.map((e) => parseIpPrefix(e.key)));
  return withPositions(entries, 'ip', (input) => {
    const addr = parseIpAddress(input);
    const entry = addr === undefined ? undefined : entries[index.lookup(addr)];
    return entry === undefined ? NONE : { entry, value: entry.value };
  });
}

function build(entries: readonly MapEntry[], match: MapMatch): PreparedMap {
  const simple = (lookup: (input: string) => MapMatchResult): PreparedMap => withPositions(entries, match, lookup);
  switch (match) {
    case 'str': {
      const byKey = firstByKey(entries);
      return simple((input) => {
        const e = byKey.get(input);
        return e === undefined ? NONE : { entry: e, value: e.value };
      });
    }
    case 'beg': {
      const byKey = firstByKey(entries);
      return simple((input) => {
        for (let n = input.length; n > 0; n--) {
          const e = byKey.get(input.slice(0, n));
          if (e !== undefined) {
            return { entry: e, value: e.value };
          }
        }
        return NONE;
      });
    }
    case 'sub':
      return simple(entryAt(entries, substringIndex(entries, (input) => entries.findIndex((e) => input.includes(e.key)))));
    case 'end':
      return simple(entryAt(entries, suffixIndex(entries)));
    case 'dir':
      return simple(entryAt(entries, wordIndex(entries, DIR_DELIMITERS, (input) => entries.findIndex((e) => matchWord(e.key, input, DIR_DELIMITERS)))));
    case 'dom':
      return simple(entryAt(entries, wordIndex(entries, DOM_DELIMITERS, (input) => entries.findIndex((e) => matchWord(e.key, input, DOM_DELIMITERS)))));
    case 'reg':
    case 'regm':
      return regexMatcher(entries, match);
    case 'int':
      return parsedMatcher(entries, match, parseIntRange, pickInt);
    case 'ip':
      return ipMatcher(entries);
  }
}

const prepared = new WeakMap<readonly MapEntry[], Map<MapMatch, PreparedMap>>();

/**
 * Prepares (or returns the cached preparation of) a map for lookups with one
 * match kind. The entries array is the cache key, so pass the same array.
 */
export function prepareMap(entries: readonly MapEntry[], match: MapMatch): PreparedMap {
  let byMatch = prepared.get(entries);
  if (byMatch === undefined) {
    byMatch = new Map();
    prepared.set(entries, byMatch);
  }
  let p = byMatch.get(match);
  if (p === undefined) {
    p = build(entries, match);
    byMatch.set(match, p);
  }
  return p;
}

/**
 * Which entry HAProxy's map converter picks for `input` (reference §5.3):
 * str first of duplicates; beg longest prefix; sub/dir/dom/end/reg/regm/int
 * first in file order; ip longest prefix. All case-sensitive. regm values get
 * `\0`–`\9` and `\xHH` substituted. An input that is not an integer (int) or an
 * address (ip) matches nothing. `{ unsupported }` when a regex on the way to
 * the winner cannot be evaluated faithfully.
 */
export function matchMap(entries: readonly MapEntry[], match: MapMatch, input: string): MapMatchResult {
  return prepareMap(entries, match).lookup(input);
}
