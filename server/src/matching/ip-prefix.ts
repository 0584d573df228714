import { isIPv4, isIPv6 } from 'node:net';

/** An address block: `bits` of `value` are significant. IPv4 uses 32-bit values. */
export interface IpPrefix {
  readonly family: 4 | 6;
  readonly value: bigint;
  readonly bits: number;
}

function v4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6(text: string): bigint {
  let head = text;
  let tail4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail4 = v4(text.slice(lastColon + 1));
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const l = left === '' ? [] : left.split(':');
  const r = right === undefined || right === '' ? [] : right.split(':');
  const groups = right === undefined ? l : [...l, ...Array<string>(8 - l.length - r.length).fill('0'), ...r];
  let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tail4 !== undefined) {
    value = (value & ~0xffffffffn) | tail4;
  }
  return value;
}

/** Parses an address (`10.0.0.1`, `::1`). */
export function parseIpAddress(text: string): IpPrefix | undefined {
  if (isIPv4(text)) {
    return { family: 4, value: v4(text), bits: 32 };
  }
  return isIPv6(text) ? { family: 6, value: v6(text), bits: 128 } : undefined;
}

function maskBits(mask: string): number | undefined {
  if (!isIPv4(mask)) {
    return undefined;
  }
  const s = v4(mask).toString(2).padStart(32, '0');
  const bits = s.indexOf('0') < 0 ? 32 : s.indexOf('0');
  return s === '1'.repeat(bits).padEnd(32, '0') ? bits : undefined;
}

/** Parses a map_ip key: address, `addr/len` or IPv4 `addr/netmask`. Host bits are cleared. */
export function parseIpPrefix(key: string): IpPrefix | undefined {
  const [addr = '', len, extra] = key.split('/');
  const ip = parseIpAddress(addr);
  if (ip === undefined || extra !== undefined) {
    return undefined;
  }
  let bits = ip.bits;
  if (len !== undefined) {
    bits = /^\d+$/.test(len) ? Number(len) : ip.family === 4 ? (maskBits(len) ?? -1) : -1;
    if (bits < 0 || bits > ip.bits) {
      return undefined;
    }
  }
  const width = BigInt(ip.bits);
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << (width - BigInt(bits));
  return { family: ip.family, value: ip.value & mask, bits };
}

/** A full address in the other family: IPv4 as `::ffff:a.b.c.d`, and back; undefined for other IPv6 addresses. */
function inOtherFamily(addr: IpPrefix): IpPrefix | undefined {
  if (addr.family === 4) {
    return { family: 6, value: 0xffff00000000n | addr.value, bits: 128 };
  }
  return addr.value >> 32n === 0xffffn ? { family: 4, value: addr.value & 0xffffffffn, bits: 32 } : undefined;
}

/** Whether `addr` (a full address) lies in `prefix`, mapping IPv4 into `::ffff:0:0/96` when families differ. */
export function prefixContains(prefix: IpPrefix, addr: IpPrefix): boolean {
  let a: IpPrefix | undefined = addr;
  if (prefix.family !== addr.family) {
    a = inOtherFamily(addr);
    if (a === undefined) {
      return false;
    }
  }
  const width = BigInt(a.bits);
  const shift = width - BigInt(prefix.bits);
  return a.value >> shift === prefix.value >> shift;
}

/**
 * Which of many prefixes map_ip picks for an address: the longest prefix of
 * the address's own family, then of the other family (HAProxy looks in its
 * own family's tree first); among equal prefixes the first. One table per
 * prefix length present, so a lookup costs a few hash lookups instead of a
 * pass over every line of a 20,000-address list.
 */
export class IpPrefixIndex {
  private readonly tables: Record<4 | 6, { readonly bits: number; readonly firstIndex: Map<bigint, number> }[]> = { 4: [], 6: [] };

  constructor(prefixes: readonly (IpPrefix | undefined)[]) {
    const byLength: Record<4 | 6, Map<number, Map<bigint, number>>> = { 4: new Map(), 6: new Map() };
    prefixes.forEach((p, index) => {
      if (p === undefined) {
        return;
      }
      let table = byLength[p.family].get(p.bits);
      if (table === undefined) {
        table = new Map();
        byLength[p.family].set(p.bits, table);
      }
      const network = networkOf(p, p.bits);
      if (!table.has(network)) {
        table.set(network, index);
      }
    });
    for (const family of [4, 6] as const) {
      this.tables[family] = [...byLength[family]].map(([bits, firstIndex]) => ({ bits, firstIndex })).sort((a, b) => b.bits - a.bits);
    }
  }

  /** Index of the prefix that wins for the full address `addr`, -1 when none contains it. */
  lookup(addr: IpPrefix): number {
    const own = this.longest(addr);
    if (own >= 0) {
      return own;
    }
    const other = inOtherFamily(addr);
    return other === undefined ? -1 : this.longest(other);
  }

  private longest(addr: IpPrefix): number {
    for (const t of this.tables[addr.family]) {
      const hit = t.firstIndex.get(networkOf(addr, t.bits));
      if (hit !== undefined) {
        return hit;
      }
    }
    return -1;
  }
}

/** The first `bits` bits of an address or prefix, as a number. */
function networkOf(p: IpPrefix, bits: number): bigint {
  return p.value >> BigInt((p.family === 4 ? 32 : 128) - bits);
}
