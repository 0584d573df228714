import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BalanceAlgorithm } from '../../../server/src/model/types';
import { computeBalance } from '../../../server/src/balance/compute-balance';
import type { BalanceServer } from '../../../server/src/balance/types';

const ALGORITHMS: BalanceAlgorithm[] = ['roundrobin', 'static-rr', 'leastconn', 'first', 'source', 'uri', 'hdr', 'random', 'hash'];

const serverArb = fc.record({
  weight: fc.integer({ min: 0, max: 256 }),
  backup: fc.boolean(),
  usable: fc.boolean(),
});

describe('computeBalance shares', () => {
  it('sum to exactly 1 over usable servers of one pool, or are empty for pool none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGORITHMS),
        fc.array(serverArb, { minLength: 0, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (algorithm, raw, allBackups, consistent) => {
          const servers: BalanceServer[] = raw.map((s, i) => ({ ...s, name: `s${i}` }));
          const r = computeBalance({
            algorithm, params: [], allBackups, servers,
            hashType: { method: consistent ? 'consistent' : 'map-based', fn: 'sdbm', avalanche: false },
          }, { uri: '/x', srcIp: '10.0.0.1', hashSample: 'k' });
          if (r.pool === 'none') {
            expect(r.shares).toEqual([]);
            expect(servers.some((s) => s.usable && s.weight > 0)).toBe(false);
            return;
          }
          // Common denominator check keeps the sum exact instead of floating.
          const lcm = r.shares.reduce((acc, s) => (acc * s.denominator) / gcd(acc, s.denominator), 1);
          expect(r.shares.reduce((sum, s) => sum + (s.numerator * lcm) / s.denominator, 0)).toBe(lcm);
          for (const share of r.shares) {
            const server = servers.find((s) => s.name === share.name);
            expect(server?.usable && server.weight > 0).toBe(true);
            expect(server?.backup).toBe(r.pool === 'backup');
          }
          if (r.chosen !== undefined) {
            expect(r.shares.map((s) => s.name)).toContain(r.chosen);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
