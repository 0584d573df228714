import { describe, expect, it } from 'vitest';
import { crc32, djb2, keyBytes, sdbm } from '../../../server/src/balance/string-hashes';
import { fullHash } from '../../../server/src/balance/full-hash';

describe('string hashes', () => {
  it('reproduces reg-test balance-uri: sdbm modulo 4 sends /url1 to srv2', () => {
    const slot = (uri: string): number => sdbm(keyBytes(uri)) % 4;
    expect([slot('/url1'), slot('/url2'), slot('/url3'), slot('/url4')]).toEqual([1, 2, 3, 0]);
  });

  it('computes sdbm over unsigned bytes in 32 bits', () => {
    expect(sdbm(keyBytes(''))).toBe(0);
    expect(sdbm(keyBytes('a'))).toBe(97);
    expect(sdbm(Uint8Array.of(0xff))).toBe(255);
    expect(sdbm(keyBytes('a long key that overflows 32 bits'))).toBeLessThan(2 ** 32);
  });

  it('computes djb2 as h*33+c from 5381', () => {
    expect(djb2(keyBytes(''))).toBe(5381);
    expect(djb2(keyBytes('a'))).toBe(177670);
  });

  it('computes the standard CRC-32 check value', () => {
    expect(crc32(keyBytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(keyBytes(''))).toBe(0);
  });

  it('hashes text as UTF-8 bytes', () => {
    expect(Array.from(keyBytes('é'))).toEqual([0xc3, 0xa9]);
  });
});

describe('fullHash', () => {
  it('maps 32-bit values to 32-bit values deterministically', () => {
    for (const v of [0, 1, 0x7f000001, 0xffffffff]) {
      const h = fullHash(v);
      expect(h).toBe(fullHash(v));
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });

  it('spreads neighbouring inputs apart', () => {
    expect(fullHash(1)).not.toBe(fullHash(2));
    expect(fullHash(2 ** 32)).toBe(fullHash(0));
  });
});
