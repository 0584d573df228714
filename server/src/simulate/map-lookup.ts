import { inRange, parseIntInput, parseIntRange } from '../matching/int-range';
import { parseIpAddress, parseIpPrefix, prefixContains } from '../matching/ip-prefix';
import { DIR_DELIMITERS, DOM_DELIMITERS, matchWord } from '../matching/match-word';
import { expandRegmTemplate } from '../matching/regm-template';
import type { MapEntry, MapMatch } from '../model/types';
import { regexSearch } from './matching-port';

/** Which map line answers a lookup, and the value it gives. */
export type MapLookup =
  | { readonly kind: 'hit'; readonly entry: MapEntry; readonly value: string }
  | { readonly kind: 'miss' }
  | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Looks `input` up in a map with HAProxy 2.6's winner rules (reference §5.3):
 * `str` first of duplicate keys, `beg` longest prefix, `ip` most specific,
 * every other kind first match in file order; `reg`/`regm` are unanchored,
 * case-sensitive searches; `regm` expands `\0`–`\9` in the value.
 * A line whose regex cannot be simulated stops the lookup (a later hit would
 * be a guess).
 */
export function lookupMap(entries: readonly MapEntry[], match: MapMatch, input: string): MapLookup {
  switch (match) {
    case 'beg':
      return longest(entries.filter((e) => input.startsWith(e.key)), (e) => e.key.length);
    case 'ip':
      return lookupIp(entries, input);
    case 'reg':
    case 'regm':
      return lookupRegex(entries, input, match === 'regm');
    case 'int': {
      const n = parseIntInput(input);
      if (n === undefined) {
        return { kind: 'miss' };
      }
      return first(entries, (e) => {
        const r = parseIntRange(e.key);
        return r !== undefined && inRange(r, n);
      });
    }
    default:
      return first(entries, (e) => simpleMatch(match, e.key, input));
  }
}

function simpleMatch(match: MapMatch, key: string, input: string): boolean {
  switch (match) {
    case 'str':
      return key === input;
    case 'sub':
      return input.includes(key);
    case 'end':
      return input.endsWith(key);
    case 'dir':
      return matchWord(key, input, DIR_DELIMITERS);
    case 'dom':
      return matchWord(key, input, DOM_DELIMITERS);
    default:
      return false;
  }
}

function first(entries: readonly MapEntry[], test: (e: MapEntry) => boolean): MapLookup {
  const hit = entries.find(test);
  return hit ? { kind: 'hit', entry: hit, value: hit.value } : { kind: 'miss' };
}

function longest(candidates: readonly MapEntry[], size: (e: MapEntry) => number): MapLookup {
  let best: MapEntry | undefined;
  for (const e of candidates) {
    if (best === undefined || size(e) > size(best)) {
      best = e;
    }
  }
  return best ? { kind: 'hit', entry: best, value: best.value } : { kind: 'miss' };
}

function lookupIp(entries: readonly MapEntry[], input: string): MapLookup {
  const addr = parseIpAddress(input);
  if (addr === undefined) {
    return { kind: 'miss' };
  }
  const hits = entries.filter((e) => {
    const p = parseIpPrefix(e.key);
    return p !== undefined && prefixContains(p, addr);
  });
  return longest(hits, (e) => parseIpPrefix(e.key)?.bits ?? -1);
}

function lookupRegex(entries: readonly MapEntry[], input: string, withTemplate: boolean): MapLookup {
  for (const e of entries) {
    const r = regexSearch(e.key, input, false, withTemplate);
    if (r.kind === 'unsupported') {
      return { kind: 'unsupported', reason: `${r.reason}, map line ${e.line + 1}` };
    }
    if (r.value !== null) {
      if (!withTemplate) {
        return { kind: 'hit', entry: e, value: e.value };
      }
      const value = expandRegmTemplate(e.value, r.value);
      return value === undefined ? { kind: 'miss' } : { kind: 'hit', entry: e, value };
    }
  }
  return { kind: 'miss' };
}
