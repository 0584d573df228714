import type { ServerShare } from '../balance';
import type { TraceStep } from './trace';

/** A config line that decided the outcome (1 rule, `default_backend`, a redirect…). */
export interface DecidingLine {
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  /** The whole line as written. */
  readonly text: string;
}

/** The map line a dynamic backend name came from. */
export interface MapMatch {
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  readonly key: string;
  readonly value: string;
}

/** The request after the frontend's rewrites, as the backend receives it. */
export interface FinalRequest {
  readonly host: string | undefined;
  readonly path: string;
  readonly query: string | undefined;
}

/**
 * What one frontend does with the request.
 *
 * - `backend`: a backend (or listen) was chosen; `servers` holds the shares,
 *   empty with `status: 503` when no server is available.
 * - `redirect`: HAProxy answers with a redirect itself (`status` = its code).
 * - `status`: HAProxy answers by itself (503 without a backend, 400 for a
 *   request it rejects, deny/return/tarpit/auth rules).
 * - `unknown`: something on the path cannot be simulated; see `unsupported`.
 */
export interface RouteResult {
  readonly frontend: string | undefined;
  readonly outcome: 'backend' | 'redirect' | 'status' | 'unknown';
  readonly backend: string | null;
  readonly redirect: string | null;
  /** HTTP status HAProxy answers itself, or null when a server answers. */
  readonly status: number | null;
  readonly decidedBy: DecidingLine | null;
  readonly mapMatch: MapMatch | null;
  /** Servers receiving traffic, exact shares summing to 1 (or empty). */
  readonly servers: readonly ServerShare[];
  /** For hash algorithms with the key present: the server this exact request reaches. */
  readonly chosenServer: string | null;
  readonly request: FinalRequest;
  /** `cannot simulate: …` reasons; non-empty means parts of the answer are unknown. */
  readonly unsupported: readonly string[];
  readonly trace: readonly TraceStep[];
}

/** The answer for one request: one route per frontend that could receive it. */
export interface SimulationResult {
  readonly url: string;
  readonly routes: readonly RouteResult[];
  /** Problems with the request itself (bad URL, unknown frontend…), in `cannot simulate:` form. */
  readonly unsupported: readonly string[];
}
