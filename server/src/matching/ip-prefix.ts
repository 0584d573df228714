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

/** Whether `addr` (a full address) lies in `prefix`, mapping IPv4 into `::ffff:0:0/96` when families differ. */
export function prefixContains(prefix: IpPrefix, addr: IpPrefix): boolean {
  let a = addr;
  if (prefix.family !== addr.family) {
    if (addr.family === 4) {
      a = { family: 6, value: 0xffff00000000n | addr.value, bits: 128 };
    } else if (addr.value >> 32n === 0xffffn) {
      a = { family: 4, value: addr.value & 0xffffffffn, bits: 32 };
    } else {
      return false;
    }
  }
  const width = BigInt(a.bits);
  const shift = width - BigInt(prefix.bits);
  return a.value >> shift === prefix.value >> shift;
}
