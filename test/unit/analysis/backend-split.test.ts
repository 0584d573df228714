import { describe, expect, it } from 'vitest';
import { computeBackendSplit, computeBackendSplits } from '../../../server/src/analysis/backend-split';
import { loadInline } from '../../helpers/analyze';

const splitsOf = (text: string) => computeBackendSplits(loadInline(text).config);

describe('computeBackendSplits', () => {
  it('gives the seed mixed backend its 75/25 split as exact fractions', () => {
    const split = splitsOf('backend mixed\n    server onprem 10.0.0.1:80 check weight 75\n    server cloud 10.0.0.2:443 check weight 25\n').get('mixed');
    expect(split?.pool).toBe('active');
    expect(split?.shares.map((s) => [s.name, s.numerator, s.denominator])).toEqual([['onprem', 3, 4], ['cloud', 1, 4]]);
  });

  it('covers listen sections but not frontends', () => {
    const splits = splitsOf('frontend fe\n    bind :80\nlisten lst\n    bind :81\n    server a 10.0.0.1:80\n');
    expect([...splits.keys()]).toEqual(['lst']);
  });

  it('leaves disabled servers out and falls back to backups', () => {
    const split = splitsOf('backend b\n    server a 10.0.0.1:80 disabled\n    server bk 10.0.0.2:80 backup\n').get('b');
    expect(split?.pool).toBe('backup');
    expect(split?.shares.map((s) => s.name)).toEqual(['bk']);
  });

  it('reports pool none with no shares when nothing can serve', () => {
    const split = splitsOf('backend b\n    server a 10.0.0.1:80 weight 0\n').get('b');
    expect(split).toMatchObject({ pool: 'none', shares: [] });
    expect(split?.notes.join(' ')).toContain('503');
  });

  it('computes the failover split with every active server down', () => {
    const proxy = loadInline('backend b\n    server a 10.0.0.1:80\n    server b1 10.0.0.2:80 backup\n    server b2 10.0.0.3:80 backup\n').config.backendsByName.get('b');
    const split = proxy ? computeBackendSplit(proxy, { activesDown: true }) : undefined;
    expect(split?.shares.map((s) => s.name)).toEqual(['b1']);
  });
});
