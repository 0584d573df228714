import type { PreparedMap } from '../../matching/match-map';
import { parseIpPrefix, type IpPrefix } from '../../matching/ip-prefix';
import type { MapEntry } from '../../model/types';
import type { LineReachability } from './line-reachability';

function bounds(p: IpPrefix): [bigint, bigint] {
  const width = BigInt(p.family === 4 ? 32 : 128);
  const size = 1n << (width - BigInt(p.bits));
  return [p.value, p.value + size - 1n];
}

function formatAddress(family: 4 | 6, value: bigint): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  }
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) {
    groups.push(((value >> s) & 0xffffn).toString(16));
  }
  return groups.join(':');
}

/**
 * map_ip picks the longest prefix, so a line loses an address to any more
 * specific prefix (wherever it is in the file) and to an identical earlier
 * one. It is unreachable exactly when those blocks cover it; otherwise the
 * first uncovered address is the witness.
 */
export function decideIpLine(map: PreparedMap, index: number): LineReachability {
  const entry = map.entries[index] as MapEntry;
  const own = parseIpPrefix(entry.key);
  if (own === undefined) {
    return { kind: 'undecided', entry, reason: `${entry.key} is not an address or network (HAProxy refuses the file)`, notable: false };
  }
  const [lo, hi] = bounds(own);
  const blockers: { entry: MapEntry; lo: bigint; hi: bigint }[] = [];
  map.entries.forEach((e, i) => {
    const p = i === index ? undefined : parseIpPrefix(e.key);
    if (p === undefined || p.family !== own.family) {
      return;
    }
    const [a, b] = bounds(p);
    const inside = a >= lo && b <= hi;
    if (inside && (p.bits > own.bits || (p.bits === own.bits && i < index))) {
      blockers.push({ entry: e, lo: a, hi: b });
    }
  });
  blockers.sort((x, y) => (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : 0));
  let next = lo;
  for (const b of blockers) {
    if (b.lo > next) {
      break;
    }
    next = b.hi + 1n > next ? b.hi + 1n : next;
  }
  if (next > hi) {
    return { kind: 'unreachable', entry, coveredBy: blockers.map((b) => b.entry).sort((a, b) => a.line - b.line) };
  }
  const witness = formatAddress(own.family, next);
  const r = map.lookup(witness);
  if (!('unsupported' in r) && r.entry === entry) {
    return { kind: 'reachable', entry, witness };
  }
  return { kind: 'undecided', entry, reason: 'no verified witness address', notable: false };
}
