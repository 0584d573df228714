import type { BalanceServer, ServerShare } from './types';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Turns per-server counts (index → count) into reduced exact shares, in
 * declaration order, leaving out servers with a count of 0.
 *
 * Contract: counts are non-negative integers; returns [] when they sum to 0.
 * The shares of the result sum to exactly 1 as rationals.
 */
export function sharesFromCounts(servers: readonly BalanceServer[], counts: ReadonlyMap<number, number>): ServerShare[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) {
    return [];
  }
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b)
    .map(([index, count]) => {
      const server = servers[index];
      const divisor = gcd(count, total);
      return {
        name: server?.name ?? `#${index}`,
        share: count / total,
        numerator: count / divisor,
        denominator: total / divisor,
        backup: server?.backup ?? false,
      };
    });
}

/** Counts equal to the (integer part of the) configured weights of `members`. */
export function weightCounts(servers: readonly BalanceServer[], members: readonly number[]): Map<number, number> {
  return new Map(members.map((i) => [i, Math.floor(servers[i]?.weight ?? 0)]));
}

/** How many map slots each server owns. */
export function slotCounts(map: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const i of map) {
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  return counts;
}
