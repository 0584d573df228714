/**
 * The `avalanche` modifier of `hash-type`: the 32-bit hash goes through Bob
 * Jenkins' public-domain six-shift integer hash, and the result is then
 * multiplied by 0xC0000001 modulo 2^32 (a spreading step confirmed against
 * HAProxy 2.6 by the balance differential tests).
 */

/** Jenkins' six-shift 32-bit integer mix (burtleburtle.net/bob/hash/integer.html). */
function jenkinsMix(value: number): number {
  let a = value >>> 0;
  a = (a + 0x7ed55d16 + (a << 12)) >>> 0;
  a = (a ^ 0xc761c23c ^ (a >>> 19)) >>> 0;
  a = (a + 0x165667b1 + (a << 5)) >>> 0;
  a = ((a + 0xd3a2646c) ^ (a << 9)) >>> 0;
  a = (a + 0xfd7046c5 + (a << 3)) >>> 0;
  a = (a ^ 0xb55a4f09 ^ (a >>> 16)) >>> 0;
  return a;
}

/**
 * Full-avalanche hash of a 32-bit value, as applied by `hash-type … avalanche`.
 * Input is taken modulo 2^32; output is an unsigned 32-bit integer.
 */
export function fullHash(value: number): number {
  return Math.imul(jenkinsMix(value), 0xc0000001) >>> 0;
}
