import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName, editDistance, NameSuggester } from '../../../server/src/model/closest-name';

/** The textbook definitions, without bounds or shortcuts. */
function plainDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

function plainClosest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = c.toLowerCase() === name.toLowerCase() ? 0.5 : plainDistance(name, c);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

// Few letters, so random names are often close to each other.
const name = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'c', '_', '-'), maxLength: 12 });

describe('editDistance', () => {
  it('is the Levenshtein distance when unbounded', () => {
    fc.assert(fc.property(name, name, (a, b) => editDistance(a, b) === plainDistance(a, b)));
  });

  it('is exact up to its bound and above the bound past it', () => {
    fc.assert(
      fc.property(name, name, fc.nat(6), (a, b, bound) => {
        const d = plainDistance(a, b);
        const got = editDistance(a, b, bound);
        return d <= bound ? got === d : got > bound;
      }),
    );
  });
});

describe('closestName', () => {
  it('picks what comparing every candidate in full picks', () => {
    fc.assert(fc.property(name, fc.array(name, { maxLength: 30 }), (n, candidates) => closestName(n, candidates) === plainClosest(n, candidates)), { numRuns: 2000 });
  });

  it('prefers a case-only difference and the earliest of equal candidates', () => {
    expect(closestName('bk_Cloud', ['bk_clouds', 'BK_cloud', 'bk_CLOUD'])).toBe('BK_cloud');
    expect(closestName('bk_cloud', ['bk_clouX', 'bk_cloYd'])).toBe('bk_clouX');
    expect(closestName('bk_cloud', ['bk_onprem_servers'])).toBeUndefined();
  });
});

describe('NameSuggester nearby', () => {
  it('gives the exact answer on a short list, where it compares every candidate', () => {
    fc.assert(fc.property(name, fc.array(name, { maxLength: 48 }), (n, candidates) => new NameSuggester(candidates, true).closest(n) === plainClosest(n, candidates)), { numRuns: 500 });
  });

  it('on a long list suggests a candidate within the limit, never closer than the exact answer', () => {
    fc.assert(
      fc.property(name, fc.array(name, { minLength: 49, maxLength: 150 }), (n, candidates) => {
        const got = new NameSuggester(candidates, true).closest(n);
        const exact = plainClosest(n, candidates);
        if (got === undefined || exact === undefined) {
          return got === undefined || got.toLowerCase() !== n.toLowerCase();
        }
        const score = (c: string): number => (c.toLowerCase() === n.toLowerCase() ? 0.5 : plainDistance(n, c));
        return candidates.includes(got) && score(got) <= Math.max(2, Math.floor(n.length / 3)) && score(got) >= score(exact);
      }),
      { numRuns: 300 },
    );
  });

  it('finds what the exact search finds for typos, renamed separators and far names among 8,001 backends', () => {
    const kinds = ['on-prem', 'mixed', 'mixed-critical', 'on-cloud'];
    const backends = Array.from({ length: 2000 }, (_, i) => kinds.map((k) => `app1-${String(i).padStart(4, '0')}-${k}`)).flat();
    backends.push('bk_default');
    const pick = (i: number): string => backends[(i * 7919) % backends.length] as string;
    const asked = [
      ...Array.from({ length: 200 }, (_, i) => [pick(i).replace('-', '_'), `${pick(i)}x`, pick(i).slice(0, 7) + pick(i).slice(8), pick(i).replace('on-', 'no-')][i % 4] as string),
      ...Array.from({ length: 200 }, (_, i) => pick(i).replaceAll('-', '_')),
      ...Array.from({ length: 50 }, (_, i) => pick(i).replace('app1-', 'application-')),
    ];
    const nearby = new NameSuggester(backends, true);
    const exact = new NameSuggester(backends);
    const got = asked.map((n) => nearby.closest(n));
    expect(got).toEqual(asked.map((n) => exact.closest(n)));
    // Not vacuous: most of them have a suggestion.
    expect(got.filter((g) => g !== undefined).length).toBeGreaterThan(400);
  });
});
