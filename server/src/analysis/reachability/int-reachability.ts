import type { PreparedMap } from '../../matching/match-map';
import { parseIntRange, type IntRange } from '../../matching/int-range';
import type { MapEntry } from '../../model/types';
import type { LineReachability } from './line-reachability';
import { partitionPoint } from '../../model/partition-point';

interface Parsed {
  /** By line. */
  readonly ranges: readonly (IntRange | undefined)[];
  /** Lines with a range, ordered by the range's start. */
  readonly byStart: readonly { readonly index: number; readonly range: IntRange }[];
}

/** Each line's range, parsed and ordered once per map. */
const parsedOf = new WeakMap<readonly MapEntry[], Parsed>();

function parsedRanges(entries: readonly MapEntry[]): Parsed {
  let p = parsedOf.get(entries);
  if (p === undefined) {
    const ranges = entries.map((e) => parseIntRange(e.key));
    const byStart = ranges.flatMap((range, index) => (range ? [{ index, range }] : [])).sort((x, y) => x.range.lo - y.range.lo || x.range.hi - y.range.hi || x.index - y.index);
    p = { ranges, byStart };
    parsedOf.set(entries, p);
  }
  return p;
}

/** The union of ranges sorted by start, as disjoint ranges in order. */
function union(sorted: readonly IntRange[]): IntRange[] {
  const out: { lo: number; hi: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) {
      last.hi = Math.max(last.hi, r.hi);
    } else {
      out.push({ lo: r.lo, hi: r.hi });
    }
  }
  return out;
}

function covered(p: number, disjoint: readonly IntRange[]): boolean {
  const r = disjoint[partitionPoint(disjoint.length, (i) => (disjoint[i] as IntRange).hi < p)];
  return r !== undefined && r.lo <= p;
}

/** Fewest of the sorted earlier ranges that cover `own`, picking at each step the one reaching furthest. */
function fewestCovering(own: IntRange, sorted: readonly { entry: MapEntry; range: IntRange }[]): MapEntry[] {
  const chosen: MapEntry[] = [];
  let from = own.lo;
  let k = 0;
  while (from <= own.hi) {
    let best: { entry: MapEntry; range: IntRange } | undefined;
    for (; k < sorted.length && (sorted[k] as { range: IntRange }).range.lo <= from; k++) {
      const c = sorted[k] as { entry: MapEntry; range: IntRange };
      if (best === undefined || c.range.hi > best.range.hi) {
        best = c;
      }
    }
    if (best === undefined || best.range.hi < from) {
      break;
    }
    chosen.push(best.entry);
    if (best.range.hi >= own.hi) {
      break;
    }
    from = best.range.hi + 1;
  }
  return chosen.sort((x, y) => x.line - y.line);
}

/**
 * map_int is first-in-order over ranges: a line is unreachable exactly when
 * the earlier ranges cover its range. Any uncovered stretch starts at the
 * line's own bound or next to the union of the earlier ranges, so those
 * points suffice.
 * An unreachable line names the fewest earlier lines that cover it.
 */
export function decideIntLine(map: PreparedMap, index: number): LineReachability {
  const entry = map.entries[index] as MapEntry;
  const { ranges: parsed, byStart } = parsedRanges(map.entries);
  const own = parsed[index];
  if (own === undefined) {
    return { kind: 'undecided', entry, reason: `${entry.key} is not an integer or range (HAProxy refuses the file)`, notable: false };
  }
  const overlaps = (range: IntRange): boolean => range.hi >= own.lo && range.lo <= own.hi;
  const sorted = byStart.filter((b) => b.index < index && overlaps(b.range)).map((b) => ({ entry: map.entries[b.index] as MapEntry, range: b.range }));
  const disjoint = union(sorted.map((e) => e.range));
  // An uncovered stretch starts at a bound of the line's own range or just past a covered stretch.
  const points = [own.lo, own.hi, 0, ...disjoint.flatMap((r) => [r.lo - 1, r.hi + 1])];
  for (const p of points) {
    if (Number.isFinite(p) && p >= own.lo && p <= own.hi && !covered(p, disjoint)) {
      const witness = String(p);
      const r = map.lookup(witness);
      if (!('unsupported' in r) && r.entry === entry) {
        return { kind: 'reachable', entry, witness };
      }
    }
  }
  return { kind: 'unreachable', entry, coveredBy: fewestCovering(own, sorted) };
}
