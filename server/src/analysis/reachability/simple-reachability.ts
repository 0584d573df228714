import type { PreparedMap } from '../../matching/match-map';
import { DIR_DELIMITERS, DOM_DELIMITERS, stripDelimiters } from '../../matching/match-word';
import type { MapEntry, MapMatch } from '../../model/types';
import type { LineReachability } from './line-reachability';

/**
 * Decides a line by one input: for these kinds the key itself (or its
 * delimiter-stripped form) is the least specific input the line matches, so if
 * an earlier line takes it, that line takes every input of this line:
 * - str / beg: only an identical earlier key wins (beg prefers the longest
 *   prefix, and no other key is a longer prefix of this key);
 * - sub / end: an earlier key that is a substring / suffix of this key;
 * - dom / dir: an earlier key that matches this key's labels as whole labels.
 */
export function decideByKey(map: PreparedMap, index: number): LineReachability {
  const entry = map.entries[index] as MapEntry;
  const delimiters = map.match === 'dom' ? DOM_DELIMITERS : map.match === 'dir' ? DIR_DELIMITERS : undefined;
  const witness = delimiters === undefined ? entry.key : stripDelimiters(entry.key, delimiters);
  if (witness === '') {
    return { kind: 'undecided', entry, reason: 'the key is only delimiters', notable: false };
  }
  const r = map.lookup(witness);
  if ('unsupported' in r) {
    return { kind: 'undecided', entry, reason: r.unsupported, notable: false };
  }
  if (r.entry === entry) {
    return { kind: 'reachable', entry, witness };
  }
  if (r.entry !== undefined && map.indexOf(r.entry) < index) {
    return { kind: 'unreachable', entry, coveredBy: [r.entry] };
  }
  return { kind: 'undecided', entry, reason: 'the key does not match itself', notable: false };
}

/** Kinds decided by decideByKey. */
export function isKeyDecided(match: MapMatch): boolean {
  return ['str', 'beg', 'sub', 'end', 'dom', 'dir'].includes(match);
}
