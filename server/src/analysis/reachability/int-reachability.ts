import type { PreparedMap } from '../../matching/match-map';
import { parseIntRange, type IntRange } from '../../matching/int-range';
import type { MapEntry } from '../../model/types';
import type { LineReachability } from './line-reachability';

function covered(p: number, ranges: readonly IntRange[]): boolean {
  return ranges.some((r) => p >= r.lo && p <= r.hi);
}

/**
 * map_int is first-in-order over ranges: a line is unreachable exactly when
 * the earlier ranges cover its range. Any uncovered stretch starts at the
 * line's own bound or just past an earlier range, so those points suffice.
 */
export function decideIntLine(map: PreparedMap, index: number): LineReachability {
  const entry = map.entries[index] as MapEntry;
  const own = parseIntRange(entry.key);
  if (own === undefined) {
    return { kind: 'undecided', entry, reason: `${entry.key} is not an integer or range (HAProxy refuses the file)`, notable: false };
  }
  const earlier: { entry: MapEntry; range: IntRange }[] = [];
  for (const e of map.entries.slice(0, index)) {
    const range = parseIntRange(e.key);
    if (range !== undefined && range.hi >= own.lo && range.lo <= own.hi) {
      earlier.push({ entry: e, range });
    }
  }
  const ranges = earlier.map((e) => e.range);
  const points = [own.lo, own.hi, 0, ...ranges.flatMap((r) => [r.lo - 1, r.hi + 1])];
  for (const p of points) {
    if (Number.isFinite(p) && p >= own.lo && p <= own.hi && !covered(p, ranges)) {
      const witness = String(p);
      const r = map.lookup(witness);
      if (!('unsupported' in r) && r.entry === entry) {
        return { kind: 'reachable', entry, witness };
      }
    }
  }
  return { kind: 'unreachable', entry, coveredBy: earlier.map((e) => e.entry) };
}
