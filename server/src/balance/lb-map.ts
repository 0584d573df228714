/**
 * The precomputed slot map behind `balance static-rr` and map-based hashing
 * (`hash-type map-based`, the default for source/uri/url_param/hdr/hash).
 * Model and verification: haproxy-semantics.md §3.2, §3.4 and §3.5.
 */

/** Options for {@link buildLbMap}. */
export interface LbMapOptions {
  /**
   * Indexes (into `weights`) of the servers competing for slots, in
   * declaration order. Default: every index whose weight is > 0.
   */
  readonly pool?: readonly number[];
  /**
   * Backup quirk (§3.4): without `option allbackups` the map length is the
   * normalized weight of `pool[0]` (the first usable backup) while every
   * pooled server still competes for the slots.
   */
  readonly lengthFromFirst?: boolean;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    [x, y] = [y, x % y];
  }
  return x;
}

function positiveWeight(w: number): number {
  return Number.isFinite(w) && w > 0 ? Math.floor(w) : 0;
}

/**
 * Divides every weight by the GCD of all non-zero weights, rounding up (§3.2).
 *
 * Contract: `weights` are the configured weights of *every* server of the
 * backend (actives and backups, usable or not), since HAProxy computes the
 * GCD over all of them. Non-finite or ≤ 0 weights become 0.
 */
export function normalizeWeights(weights: readonly number[]): number[] {
  const clean = weights.map(positiveWeight);
  const divisor = clean.reduce((g, w) => (w > 0 ? gcd(g, w) : g), 0);
  return clean.map((w) => (divisor === 0 ? 0 : Math.ceil(w / divisor)));
}

/**
 * Builds the slot map: entry k is the index (into `weights`) of the server
 * that owns slot k. static-rr walks it cyclically from slot 0; map-based
 * hashing picks slot `hash % length`.
 *
 * Contract: `weights` are configured weights of every server of the backend
 * in declaration order (see {@link normalizeWeights}). Pooled servers with
 * weight 0 are ignored. Returns `[]` when the pool has no positive weight.
 * When the map length is 1 the map is the first pooled server. Each slot goes
 * to the first pooled server with the highest `(score + length) div length`
 * after every pooled server has added its normalized weight to its score;
 * the winner then subtracts the length.
 *
 * @example buildLbMap([1, 2, 3]) // [0, 2, 1, 2, 1, 2]
 */
export function buildLbMap(weights: readonly number[], options: LbMapOptions = {}): number[] {
  const normalized = normalizeWeights(weights);
  const pool = (options.pool ?? normalized.map((_, i) => i)).filter((i) => (normalized[i] ?? 0) > 0);
  const first = pool[0];
  if (first === undefined) {
    return [];
  }
  const length = options.lengthFromFirst
    ? (normalized[first] ?? 0)
    : pool.reduce((sum, i) => sum + (normalized[i] ?? 0), 0);
  if (length === 1) {
    return [first];
  }
  // One slot per unit of weight, each compared across the whole pool: typed arrays keep the
  // (weight total × servers) steps of a 2,000-server backend to well under a second.
  const weightOf = Float64Array.from(pool, (i) => normalized[i] ?? 0);
  const scores = new Float64Array(pool.length);
  const map: number[] = new Array<number>(length);
  for (let slot = 0; slot < length; slot++) {
    let best = 0;
    let bestRank = -Infinity;
    for (let k = 0; k < pool.length; k++) {
      const score = (scores[k] as number) + (weightOf[k] as number);
      scores[k] = score;
      // C integer division truncates towards zero; keep that for negative scores.
      const rank = Math.trunc((score + length) / length);
      if (rank > bestRank) {
        best = k;
        bestRank = rank;
      }
    }
    scores[best] = (scores[best] as number) - length;
    map[slot] = pool[best] as number;
  }
  return map;
}
