import type { MapEntry, MapMatch } from '../../model/types';
import { analyzeMapReachability } from './analyze-map-reachability';
import type { LineReachability } from './line-reachability';

/*
 * Reachability depends only on a map's entries and the match kind, and the
 * language server keeps one MapFile object per unchanged map text. Editing a
 * config therefore reuses the (costly) automaton work for its maps. Keyed
 * weakly by the immutable entries array, so closed maps are collected.
 */
const cache = new WeakMap<readonly MapEntry[], Map<MapMatch, readonly LineReachability[]>>();

/** `analyzeMapReachability(entries, match)`, computed once per entries array and match kind. */
export function cachedMapReachability(entries: readonly MapEntry[], match: MapMatch): readonly LineReachability[] {
  let byMatch = cache.get(entries);
  if (!byMatch) {
    byMatch = new Map();
    cache.set(entries, byMatch);
  }
  let results = byMatch.get(match);
  if (!results) {
    results = analyzeMapReachability(entries, match);
    byMatch.set(match, results);
  }
  return results;
}
