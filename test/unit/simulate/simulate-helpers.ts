import { loadConfig, DEFAULT_ENGINE_OPTIONS, simulateRequest, type LoadedConfig, type RouteResult, type SimulatedRequest } from '../../../server/src/engine';

/**
 * Loads an inline config after a `defaults` section in HTTP mode; `maps` are
 * files by the path written in the config.
 */
export function load(cfg: string, maps: Record<string, string> = {}, haproxyVersion = '2.6'): LoadedConfig {
  const source = { read: (p: string): string | undefined => maps[p] };
  return loadConfig(`defaults\n  mode http\n${cfg.replace(/^\n/, '')}`, '/cfg/haproxy.cfg', source, { ...DEFAULT_ENGINE_OPTIONS, haproxyVersion });
}

/** The single route of a request; fails when several frontends answered. */
export function route(loaded: LoadedConfig, request: SimulatedRequest | string, frontend?: string): RouteResult {
  const req = typeof request === 'string' ? { url: request } : request;
  const result = simulateRequest(loaded, req, frontend !== undefined ? { frontend } : {});
  if (result.routes.length !== 1) {
    throw new Error(`expected one route, got ${result.routes.length}: ${result.unsupported.join('; ')}`);
  }
  return result.routes[0] as RouteResult;
}

/** `name=numerator/denominator` for each server, for compact assertions. */
export function shares(r: RouteResult): string[] {
  return r.servers.map((s) => `${s.name}=${s.numerator}/${s.denominator}`);
}
