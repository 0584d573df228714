import { describe, expect, it } from 'vitest';
import { percentFraction, stepWeights } from '../../../server/src/ramp/step-weights';

describe('stepWeights', () => {
  it('gives 1% as target 1 and source 99', () => {
    const w = stepWeights(percentFraction(1), [25], [75]);
    expect([w.targets, w.sources, w.exact]).toEqual([[1], [99], true]);
  });

  it('gives 25% as target 1 and source 3', () => {
    const w = stepWeights(percentFraction(25), [1], [99]);
    expect([w.targets, w.sources]).toEqual([[1], [3]]);
  });

  it('gives 75% as target 3 and source 1', () => {
    const w = stepWeights(percentFraction(75), [1], [1]);
    expect([w.targets, w.sources]).toEqual([[3], [1]]);
  });

  it('keeps the relative weights of several sources and targets', () => {
    const w = stepWeights(percentFraction(50), [2, 4], [10, 30]);
    expect(w.targets).toEqual([4, 8]);
    expect(w.sources).toEqual([3, 9]);
    expect(w.share).toEqual({ numerator: 1, denominator: 2 });
    expect(w.exact).toBe(true);
  });

  it('picks the closest share and says so when 256 is not enough', () => {
    const w = stepWeights(percentFraction(1), [1], [3, 7]);
    expect(w.exact).toBe(false);
    expect(Math.max(...w.targets, ...w.sources)).toBeLessThanOrEqual(256);
    expect(w.sources[0]! * 7).toBe(w.sources[1]! * 3);
    const got = w.share.numerator / w.share.denominator;
    expect(Math.abs(got - 0.01)).toBeLessThan(0.001);
  });

  it('starts targets with no weight evenly', () => {
    const w = stepWeights(percentFraction(10), [0, 0], [5]);
    expect(w.targets).toEqual([1, 1]);
    expect(w.sources).toEqual([18]);
  });

  it('sets targets to 0 at 0%', () => {
    const w = stepWeights(percentFraction(0), [3], [1]);
    expect([w.targets, w.sources]).toEqual([[0], [1]]);
  });
});
