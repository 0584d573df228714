import { describe, expect, it } from 'vitest';
import { sourceIpHash } from '../../../server/src/balance/source-ip-hash';

describe('sourceIpHash', () => {
  it('uses the IPv4 address as one big-endian word', () => {
    expect(sourceIpHash('127.0.0.1')).toBe(0x7f000001);
    expect(sourceIpHash('255.255.255.255')).toBe(0xffffffff);
  });

  it('XORs the four 32-bit words of an IPv6 address', () => {
    expect(sourceIpHash('::1')).toBe(1);
    expect(sourceIpHash('2001:db8::1')).toBe((0x20010db8 ^ 1) >>> 0);
    expect(sourceIpHash('[::ffff:127.0.0.1]')).toBe((0xffff ^ 0x7f000001) >>> 0);
  });

  it('rejects text that is not an address', () => {
    for (const bad of ['', 'localhost', '1.2.3', '256.1.1.1', '1::2::3', '1:2:3:4:5:6:7:8:9']) {
      expect(sourceIpHash(bad)).toBeUndefined();
    }
  });
});
