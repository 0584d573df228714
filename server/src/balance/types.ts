import type { BalanceAlgorithm, HashType } from '../model/types';

/**
 * Plain data exchanged with the load-balancing engine. Nothing here knows the
 * config model: callers turn a backend into a BalanceSetup and a request into
 * a BalanceRequestKey, so the engine stays testable on bare numbers.
 */

/** One `server` line of a backend, in declaration order. */
export interface BalanceServer {
  readonly name: string;
  /** Configured (user) weight, 0..256. Non-finite or ≤ 0 means "not usable for load balancing". */
  readonly weight: number;
  readonly backup: boolean;
  /** Up and not in maintenance or drain; the weight is judged separately. */
  readonly usable: boolean;
  /** Explicit `id`; servers without one get the next free id in declaration order. */
  readonly id?: number;
  readonly maxconn?: number;
}

/** A backend's balancing settings after `defaults` inheritance. */
export interface BalanceSetup {
  readonly algorithm: BalanceAlgorithm;
  /** Words after the algorithm, e.g. `['whole', 'len', '4']` or `['use_domain_only']`. */
  readonly params: readonly string[];
  /** hdr() name, url_param name, rdp-cookie name or the `hash` expression text. */
  readonly argument?: string;
  readonly hashType: HashType;
  /** `option allbackups`. */
  readonly allBackups: boolean;
  readonly servers: readonly BalanceServer[];
}

/** What a hash-based algorithm may look at in one request. All parts are optional. */
export interface BalanceRequestKey {
  /** Request target as received (origin form `/p?q` or absolute form `http://h/p?q`). */
  readonly uri?: string;
  /** Used with `query` when `uri` is absent. */
  readonly path?: string;
  readonly query?: string;
  /** Header values per lower-case name, in arrival order. */
  readonly headers?: ReadonlyMap<string, readonly string[]>;
  /** Client address, IPv4 dotted quad or IPv6 text. */
  readonly srcIp?: string;
  /**
   * Value of the `balance hash <expr>` sample (or the rdp-cookie value) as
   * computed by the caller; undefined when the sample is missing.
   */
  readonly hashSample?: string;
}

/** One server's part of the traffic, as an exact fraction numerator/denominator (reduced). */
export interface ServerShare {
  readonly name: string;
  /** numerator / denominator, in 0..1. */
  readonly share: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly backup: boolean;
}

/** Where a backend sends traffic. */
export interface BalanceResult {
  /** 'none' means HAProxy answers 503 "No server is available to handle this request". */
  readonly pool: 'active' | 'backup' | 'none';
  /** Servers receiving traffic, in declaration order; shares sum to 1 unless pool is 'none'. */
  readonly shares: ServerShare[];
  /** For map-based hashing with a present key: the server this exact request reaches. */
  readonly chosen?: string;
  /** The hash key is absent, so HAProxy walks the map in round-robin order instead. */
  readonly keyMissing?: boolean;
  /** Human explanations of the rules that shaped the result. */
  readonly notes: string[];
}
