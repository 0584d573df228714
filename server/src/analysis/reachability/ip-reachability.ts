import type { PreparedMap } from '../../matching/match-map';
import { parseIpPrefix, type IpPrefix } from '../../matching/ip-prefix';
import type { MapEntry } from '../../model/types';
import type { LineReachability } from './line-reachability';
import { partitionPoint } from '../../model/partition-point';

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

interface Block {
  readonly index: number;
  readonly bits: number;
  readonly lo: bigint;
  readonly hi: bigint;
}

/** Each family's blocks by first address, parsed once per map (a map can hold 20,000 addresses). */
const blocksOf = new WeakMap<readonly MapEntry[], { readonly own: readonly (IpPrefix | undefined)[]; readonly byFamily: Record<4 | 6, readonly Block[]> }>();

function blocks(entries: readonly MapEntry[]): { readonly own: readonly (IpPrefix | undefined)[]; readonly byFamily: Record<4 | 6, readonly Block[]> } {
  let b = blocksOf.get(entries);
  if (b === undefined) {
    const own = entries.map((e) => parseIpPrefix(e.key));
    const byFamily: Record<4 | 6, Block[]> = { 4: [], 6: [] };
    own.forEach((p, index) => {
      if (p !== undefined) {
        const [lo, hi] = bounds(p);
        byFamily[p.family].push({ index, bits: p.bits, lo, hi });
      }
    });
    for (const list of [byFamily[4], byFamily[6]]) {
      list.sort((x, y) => (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : x.index - y.index));
    }
    b = { own, byFamily };
    blocksOf.set(entries, b);
  }
  return b;
}

/**
 * map_ip picks the longest prefix, so a line loses an address to any more
 * specific prefix (wherever it is in the file) and to an identical earlier
 * one. It is unreachable exactly when those blocks cover it; otherwise the
 * first uncovered address is the witness.
 */
export function decideIpLine(map: PreparedMap, index: number): LineReachability {
  const entry = map.entries[index] as MapEntry;
  const { own: parsed, byFamily } = blocks(map.entries);
  const own = parsed[index];
  if (own === undefined) {
    return { kind: 'undecided', entry, reason: `${entry.key} is not an address or network (HAProxy refuses the file)`, notable: false };
  }
  const [lo, hi] = bounds(own);
  // Only blocks starting inside this one can lie inside it.
  const list = byFamily[own.family];
  const blockers: { entry: MapEntry; lo: bigint; hi: bigint }[] = [];
  for (let k = partitionPoint(list.length, (i) => (list[i] as Block).lo < lo); k < list.length && (list[k] as Block).lo <= hi; k++) {
    const b = list[k] as Block;
    if (b.index !== index && b.hi <= hi && (b.bits > own.bits || (b.bits === own.bits && b.index < index))) {
      blockers.push({ entry: map.entries[b.index] as MapEntry, lo: b.lo, hi: b.hi });
    }
  }
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
