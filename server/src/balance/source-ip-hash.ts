/**
 * Key of `balance source`: the client address folded into 32 bits by XOR of
 * its big-endian 32-bit words (one word for IPv4, four for IPv6). The
 * hash-type function (sdbm, …) is not applied; `avalanche` still is.
 */

function ipv4Word(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
    return undefined;
  }
  return parts.reduce((acc, p) => ((acc << 8) | Number(p)) >>> 0, 0);
}

function ipv6Groups(text: string): number[] | undefined {
  const zoneless = text.replace(/%.*$/, '');
  const halves = zoneless.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const parse = (part: string): number[] | undefined => {
    if (part === '') {
      return [];
    }
    const groups: number[] = [];
    const items = part.split(':');
    for (const [i, item] of items.entries()) {
      // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two 16-bit groups.
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = ipv4Word(item);
        if (v4 === undefined) {
          return undefined;
        }
        groups.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-f]{1,4}$/i.test(item)) {
        groups.push(parseInt(item, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) {
    return undefined;
  }
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) {
    return undefined;
  }
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}

/**
 * Folds an IPv4 or IPv6 address (text form) into the 32-bit `balance source`
 * hash. Returns undefined when the text is not an IP address, in which case
 * HAProxy falls back to round robin.
 *
 * @example sourceIpHash('127.0.0.1') // 0x7f000001
 */
export function sourceIpHash(address: string): number | undefined {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, '$1');
  if (!trimmed.includes(':')) {
    return ipv4Word(trimmed);
  }
  const groups = ipv6Groups(trimmed);
  if (groups === undefined) {
    return undefined;
  }
  let h = 0;
  for (let w = 0; w < 4; w++) {
    h = (h ^ (((groups[2 * w] ?? 0) << 16) | (groups[2 * w + 1] ?? 0))) >>> 0;
  }
  return h;
}
