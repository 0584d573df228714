/**
 * The 32-bit string hash functions selectable with `hash-type <method> <fn>`.
 * Written from the public algorithm descriptions (sdbm, djb2, CRC-32/IEEE);
 * results are unsigned 32-bit integers. Bytes are taken unsigned.
 */

/** Hash functions the engine can compute exactly. `wt6` and `none` are not among them. */
export type StringHashName = 'sdbm' | 'djb2' | 'crc32';

const encoder = new TextEncoder();

/** The bytes HAProxy hashes for a key given as text: its UTF-8 encoding. */
export function keyBytes(key: string): Uint8Array {
  return encoder.encode(key);
}

/** sdbm: h = c + (h << 6) + (h << 16) − h over every byte, from 0, modulo 2^32. */
export function sdbm(bytes: Uint8Array): number {
  let h = 0;
  for (const c of bytes) {
    h = (c + (h << 6) + (h << 16) - h) >>> 0;
  }
  return h;
}

/** djb2 (Bernstein): h = h × 33 + c over every byte, from 5381, modulo 2^32. */
export function djb2(bytes: Uint8Array): number {
  let h = 5381;
  for (const c of bytes) {
    h = (Math.imul(h, 33) + c) >>> 0;
  }
  return h;
}

const CRC_TABLE: readonly number[] = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    // Reflected IEEE 802.3 polynomial.
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

/** Standard CRC-32 (IEEE 802.3, reflected, init and final XOR 0xFFFFFFFF). crc32("123456789") = 0xCBF43926. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const c of bytes) {
    crc = (CRC_TABLE[(crc ^ c) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Dispatches on a hash-type function name. */
export function hashBytes(fn: StringHashName, bytes: Uint8Array): number {
  switch (fn) {
    case 'sdbm':
      return sdbm(bytes);
    case 'djb2':
      return djb2(bytes);
    case 'crc32':
      return crc32(bytes);
  }
}
