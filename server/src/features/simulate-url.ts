/*
 * Runs the simulator for a URL through one analysed config, plus the same
 * request with the migration targets down ("what if the cloud server fails
 * its check"). Engine in, plain results out; rendering is render-route.ts.
 */
import type { AnalyzedDocument } from '../document-cache';
import { simulateRequest, type RouteResult } from '../engine';
import { isTarget } from './render-split';

/** One frontend's route, and the route it takes with the target servers down. */
export interface SimulatedPair {
  readonly doc: AnalyzedDocument;
  readonly route: RouteResult;
  /** Names of the target servers assumed down for `failover`. */
  readonly downed: readonly string[];
  readonly failover: RouteResult | undefined;
}

/** `host/path` → `http://host/path`; URLs with a scheme are kept as written. */
export function absoluteUrl(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith('/') ? url : `http://${url}`;
}

/**
 * Simulates `url` through `doc`: one pair per frontend that could receive it.
 * `unsupported` holds reasons the request itself cannot be simulated.
 */
export function simulateUrl(doc: AnalyzedDocument, url: string, target: RegExp | undefined): { pairs: SimulatedPair[]; unsupported: readonly string[] } {
  const request = absoluteUrl(url);
  const result = simulateRequest(doc.loaded, { url: request });
  const pairs = result.routes.map((route): SimulatedPair => {
    const be = route.backend === null ? undefined : doc.loaded.config.backendsByName.get(route.backend);
    const downed = (be?.servers ?? []).filter((s) => isTarget(s, target) && route.servers.some((x) => x.name === s.name && x.share > 0)).flatMap((s) => (s.name ? [s.name] : []));
    if (!be || downed.length === 0 || route.frontend === undefined) {
      return { doc, route, downed: [], failover: undefined };
    }
    const down = downed.map((n) => `${route.backend}/${n}`);
    const failover = simulateRequest(doc.loaded, { url: request, down }, { frontend: route.frontend }).routes[0];
    return { doc, route, downed, failover };
  });
  return { pairs, unsupported: result.unsupported };
}
