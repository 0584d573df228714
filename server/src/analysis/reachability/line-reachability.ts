import type { MapEntry } from '../../model/types';

/**
 * The verdict for one map line under one match kind.
 * - reachable: `witness` is an input for which matchMap picks this entry.
 * - unreachable: every input the line matches is taken by `coveredBy` (earlier
 *   lines, or more specific ones for map_ip); empty when it matches nothing.
 * - undecided: neither could be proven; `notable` says the reason is worth
 *   showing to the user (backreferences, unsimulatable regex) rather than an
 *   internal size limit.
 */
export type LineReachability =
  | { readonly kind: 'reachable'; readonly entry: MapEntry; readonly witness: string }
  | { readonly kind: 'unreachable'; readonly entry: MapEntry; readonly coveredBy: readonly MapEntry[] }
  | { readonly kind: 'undecided'; readonly entry: MapEntry; readonly reason: string; readonly notable: boolean };

export interface ReachabilityOptions {
  /** Analyse only these entry indexes (others get no result); all when undefined. */
  readonly only?: ReadonlySet<number>;
  /**
   * Verdicts known from an earlier analysis, by entry index (for map_reg
   * and map_regm; see cached-reachability.ts): only the lines without one
   * are analysed.
   */
  readonly known?: readonly (LineReachability | undefined)[];
  /** Ends the analysis after the first verdict for which this is true (the results then stop there). */
  readonly stopAfter?: (verdict: LineReachability) => boolean;
}
