/**
 * Integer weights (0..256, HAProxy's range) that give the targets of a ramp
 * an exact share of the traffic while every group keeps its relative weights.
 */

/** HAProxy's largest server weight. */
export const MAX_WEIGHT = 256;

/** An exact share `numerator / denominator`, reduced, in 0..1. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/** Weights chosen for one step. */
export interface StepWeights {
  /** Per target, in the order given. */
  readonly targets: readonly number[];
  /** Per source, in the order given. */
  readonly sources: readonly number[];
  /** The target share these weights really give. */
  readonly share: Fraction;
  /** False when no weights within 0..256 give the wanted share: `share` is then the closest. */
  readonly exact: boolean;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}

/** `n / d` reduced; 0/1 when `n` is 0. */
export function fraction(n: number, d: number): Fraction {
  if (n === 0 || d === 0) {
    return { numerator: 0, denominator: 1 };
  }
  const g = gcd(n, d);
  return { numerator: n / g, denominator: d / g };
}

/** A percentage such as 25 or 0.5 as an exact fraction of 1 (up to 6 decimals). */
export function percentFraction(percent: number): Fraction {
  const scale = 1_000_000;
  return fraction(Math.round(percent * scale), 100 * scale);
}

/** `f` as a percentage, rounded to at most 2 decimals for display. */
export function formatPercent(f: Fraction): string {
  const p = (100 * f.numerator) / f.denominator;
  return `${Number.isInteger(p) ? p : Number(p.toFixed(2))}%`;
}

/**
 * Relative weights of a group reduced by their GCD. All-zero (or empty
 * positive set) groups count as equal weights, so a group that carries no
 * traffic yet starts evenly.
 */
export function relativeWeights(weights: readonly number[]): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? Math.floor(w) : 0));
  if (clean.every((w) => w === 0)) {
    return clean.map(() => 1);
  }
  const g = clean.reduce((acc, w) => gcd(acc, w), 0);
  return clean.map((w) => w / g);
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * The smallest weights giving targets exactly `share` of the traffic, where
 * target i gets `k·t[i]` and source j gets `m·s[j]` (t, s = relative weights).
 *
 * Contract: `share` is in [0, 1]; `targets` and `sources` are the groups'
 * current weights (each group non-empty). At share 0 targets get 0 and
 * sources their relative weights; at share 1 sources get 0 (callers that use
 * `backup` instead keep the source weights). When no k, m with every weight
 * ≤ 256 give the share exactly, the closest share is chosen (then the
 * smallest total weight) and `exact` is false. Never throws.
 *
 * @example stepWeights({numerator: 1, denominator: 100}, [25], [75]) // targets [1], sources [99]
 */
export function stepWeights(share: Fraction, targets: readonly number[], sources: readonly number[]): StepWeights {
  const t = relativeWeights(targets);
  const s = relativeWeights(sources);
  const a = share.numerator;
  const b = share.denominator;
  if (a === 0) {
    return { targets: t.map(() => 0), sources: s, share: fraction(0, 1), exact: Math.max(...s) <= MAX_WEIGHT };
  }
  if (a === b) {
    return { targets: t, sources: s.map(() => 0), share: fraction(1, 1), exact: Math.max(...t) <= MAX_WEIGHT };
  }
  const tSum = sum(t);
  const sSum = sum(s);
  const tMax = Math.max(...t);
  const sMax = Math.max(...s);
  // k·T·(b−a) = m·S·a: the least common multiple gives the smallest k and m.
  const left = tSum * (b - a);
  const right = sSum * a;
  const lcm = (left / gcd(left, right)) * right;
  const k = lcm / left;
  const m = lcm / right;
  if (k * tMax <= MAX_WEIGHT && m * sMax <= MAX_WEIGHT) {
    return { targets: t.map((w) => w * k), sources: s.map((w) => w * m), share: fraction(a, b), exact: true };
  }
  return closestWeights(share, t, s);
}

function closestWeights(share: Fraction, t: readonly number[], s: readonly number[]): StepWeights {
  const want = share.numerator / share.denominator;
  const tSum = sum(t);
  const sSum = sum(s);
  let best = { k: 1, m: 1, error: Infinity, total: Infinity };
  for (let k = 1; k * Math.max(...t) <= MAX_WEIGHT; k++) {
    for (let m = 1; m * Math.max(...s) <= MAX_WEIGHT; m++) {
      const got = (k * tSum) / (k * tSum + m * sSum);
      const error = Math.abs(got - want);
      const total = k * tSum + m * sSum;
      if (error < best.error - 1e-15 || (Math.abs(error - best.error) <= 1e-15 && total < best.total)) {
        best = { k, m, error, total };
      }
    }
  }
  return {
    targets: t.map((w) => w * best.k),
    sources: s.map((w) => w * best.m),
    share: fraction(best.k * tSum, best.k * tSum + best.m * sSum),
    exact: false,
  };
}
