import { describe, expect, it } from 'vitest';
import { fwrrSequence } from '../../../server/src/balance/fwrr-sequence';

const names = (seq: number[]): string => seq.map((i) => `s${i + 1}`).join(' ');

describe('fwrrSequence', () => {
  it('starts weights 1,2,3 with s3 s2 s3 s1 s3 s2 as HAProxy does', () => {
    expect(names(fwrrSequence([1, 2, 3], 6))).toBe('s3 s2 s3 s1 s3 s2');
  });

  it('rotates equal weights in declaration order like reg-test balance-rr', () => {
    expect(names(fwrrSequence([1, 1, 1, 1], 5))).toBe('s1 s2 s3 s4 s1');
  });

  it('gives every server exactly its weight in each full cycle', () => {
    for (const weights of [[1, 2, 3], [5, 1], [3, 3, 1, 7], [2, 5, 7, 1, 256], [13, 7, 1, 1, 2, 9]]) {
      const total = weights.reduce((a, b) => a + b, 0);
      const seq = fwrrSequence(weights, total * 20);
      for (let cycle = 0; cycle < 20; cycle++) {
        const counts = weights.map(() => 0);
        for (const i of seq.slice(cycle * total, (cycle + 1) * total)) {
          counts[i] = (counts[i] ?? 0) + 1;
        }
        expect(counts).toEqual(weights);
      }
    }
  });

  it('never picks a weight-0 server', () => {
    expect(fwrrSequence([4, 0, 4], 40)).not.toContain(1);
  });

  it('returns nothing when no weight is positive or no request is asked', () => {
    expect(fwrrSequence([0, 0], 10)).toEqual([]);
    expect(fwrrSequence([1, 2], 0)).toEqual([]);
  });
});
