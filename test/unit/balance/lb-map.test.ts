import { describe, expect, it } from 'vitest';
import { buildLbMap, normalizeWeights } from '../../../server/src/balance/lb-map';

describe('normalizeWeights', () => {
  it('divides by the GCD of the non-zero weights', () => {
    expect(normalizeWeights([10, 20, 30])).toEqual([1, 2, 3]);
    expect(normalizeWeights([4, 0, 4])).toEqual([1, 0, 1]);
  });

  it('turns invalid weights into 0', () => {
    expect(normalizeWeights([Number.NaN, -3, 2])).toEqual([0, 0, 1]);
  });
});

describe('buildLbMap', () => {
  it('builds [s1,s3,s2,s3,s2,s3] for weights 1,2,3', () => {
    expect(buildLbMap([1, 2, 3])).toEqual([0, 2, 1, 2, 1, 2]);
  });

  it('shrinks the map by the GCD of all weights', () => {
    expect(buildLbMap([10, 20, 30])).toEqual([0, 2, 1, 2, 1, 2]);
  });

  it('gives each pooled server as many slots as its normalized weight', () => {
    const map = buildLbMap([2, 5, 7, 1, 256]);
    expect(map).toHaveLength(271);
    expect([0, 1, 2, 3, 4].map((i) => map.filter((s) => s === i).length)).toEqual([2, 5, 7, 1, 256]);
  });

  it('keeps servers outside the pool out of the map but inside the GCD', () => {
    // Weight 1 (an unusable active) keeps the GCD at 1 for backups 2,2.
    expect(buildLbMap([1, 2, 2], { pool: [1, 2] })).toEqual([1, 2, 1, 2]);
  });

  it('sizes the backup map by the first backup and lets all backups compete (2,2 → 50/50)', () => {
    expect(buildLbMap([1, 2, 2], { pool: [1, 2], lengthFromFirst: true })).toEqual([1, 2]);
  });

  it('sends everything to the third backup for backups 2,4,6', () => {
    expect(buildLbMap([1, 2, 4, 6], { pool: [1, 2, 3], lengthFromFirst: true })).toEqual([3, 3]);
  });

  it('sends everything to the first backup for backups 3,1', () => {
    expect(buildLbMap([1, 3, 1], { pool: [1, 2], lengthFromFirst: true })).toEqual([1, 1, 1]);
  });

  it('uses only the first backup when its normalized weight is 1', () => {
    expect(buildLbMap([0, 2, 2], { pool: [1, 2], lengthFromFirst: true })).toEqual([1]);
  });

  it('returns an empty map when the pool has no positive weight', () => {
    expect(buildLbMap([0, 0])).toEqual([]);
    expect(buildLbMap([1, 2], { pool: [] })).toEqual([]);
  });
});
