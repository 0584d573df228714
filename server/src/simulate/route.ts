import type { LoadedConfig } from '../engine';
import type { Proxy } from '../model/types';
import { chooseBackend } from './backend-selection';
import { decidingLine, at, type EvalContext } from './eval-context';
import { selectFrontends } from './frontend-selection';
import { cloneHttpState, createHttpState, headerLines, type HttpState } from './http-state';
import { runRequestRules, type PhaseOutcome } from './http-rules';
import { parseRequestUrl, type SimulatedRequest } from './request';
import { oversizedRequest } from './request-size';
import type { DecidingLine, RouteResult, SimulationResult } from './result';
import { chooseServers } from './server-selection';
import { step } from './trace';

/** Options of one simulation. */
export interface SimulationOptions {
  /** Simulate only this frontend (or listen); default: every frontend that could receive the URL. */
  readonly frontend?: string;
  /** HAProxy version whose behaviour is simulated; default the loaded config's (2.6). */
  readonly haproxyVersion?: string;
}

/**
 * What HAProxy does with `request` under `loaded`, per frontend that could
 * receive it (reference §4.1 order): frontend http-request rewrites and
 * redirects, use_backend rules, default_backend, then in the backend its own
 * rules, use-server and load balancing with exact shares.
 *
 * Contract: pure and deterministic; never throws on any config or request.
 * Anything that cannot be simulated is listed in `unsupported` (as
 * `cannot simulate: …`) instead of being guessed.
 */
export function simulateRequest(loaded: LoadedConfig, request: SimulatedRequest, options: SimulationOptions = {}): SimulationResult {
  const url = parseRequestUrl(request.url);
  if ('error' in url) {
    return { url: request.url, routes: [], unsupported: [`cannot simulate: ${url.error}`] };
  }
  const initial = createHttpState(request, url);
  const oversized = oversizedRequest(initial.method, url.query === undefined ? url.path : `${url.path}?${url.query}`, initial.headers, loaded.config);
  if (oversized) {
    return { url: request.url, routes: [], unsupported: [oversized] };
  }
  const selection = selectFrontends(loaded.config, url.port, options.frontend);
  if (selection.kind === 'error') {
    return { url: request.url, routes: [], unsupported: [selection.reason] };
  }
  const version = options.haproxyVersion ?? loaded.options.haproxyVersion;
  const routes = selection.frontends.map((fe) => {
    const ctx: EvalContext = { loaded, state: cloneHttpState(initial), trace: [], mapMatches: [], unsupported: [], version };
    ctx.trace.push(step('frontend', `${fe.kind} ${fe.name ?? '?'} receives ${ctx.state.method} ${request.url} (${selection.how})`, at(ctx, fe.header)));
    if (url.fragment !== undefined) {
      ctx.trace.push(step('outcome', 'the URL has a fragment (#): HAProxy rejects the request with 400 before any rule runs'));
      return finish(ctx, fe, { outcome: 'status', status: 400 });
    }
    return routeThrough(fe, request.down ?? [], ctx);
  });
  return { url: request.url, routes: selection.guessed ? byRelevance(routes) : routes, unsupported: [] };
}

/**
 * When no bind port says which frontend receives the URL, every frontend is
 * simulated; list first those where a rule or a map line matched the request
 * (its host or path is what they route), then those that only fell through
 * to their default. Stable: file order within each group.
 */
function byRelevance(routes: RouteResult[]): RouteResult[] {
  const matched = (r: RouteResult): boolean => r.mapMatch !== null || (r.decidedBy !== null && !r.decidedBy.text.trimStart().startsWith('default_backend'));
  return [...routes.filter(matched), ...routes.filter((r) => !matched(r))];
}

function routeThrough(fe: Proxy, down: readonly string[], ctx: EvalContext): RouteResult {
  const front = runRequestRules(fe, ctx);
  if (front.kind !== 'continue') {
    return finish(ctx, fe, phaseEnd(front, ctx));
  }
  const mapsBefore = ctx.mapMatches.length;
  const choice = chooseBackend(fe, ctx);
  const decidedBy = choice.directive ? decidingLine(ctx, choice.directive) : null;
  const mapMatch = ctx.mapMatches.length > mapsBefore ? (ctx.mapMatches[ctx.mapMatches.length - 1] ?? null) : null;
  if (choice.kind === 'unknown') {
    return finish(ctx, fe, { outcome: 'unknown', reason: choice.reason, decidedBy, mapMatch });
  }
  if (choice.kind === 'none') {
    return finish(ctx, fe, { outcome: 'status', status: 503, decidedBy, mapMatch });
  }
  const be = choice.backend;
  if (be !== fe) {
    const back = runRequestRules(be, ctx);
    if (back.kind !== 'continue') {
      return finish(ctx, fe, { ...phaseEnd(back, ctx), backend: be.name ?? null, mapMatch });
    }
  }
  const servers = chooseServers(be, down, ctx);
  const backend = be.name ?? null;
  if (servers.kind === 'unknown') {
    return finish(ctx, fe, { outcome: 'unknown', reason: servers.reason, backend, decidedBy, mapMatch });
  }
  if (servers.kind === 'use-server') {
    const share = { name: servers.server.name ?? '?', share: 1, numerator: 1, denominator: 1, backup: servers.server.settings.backup };
    return finish(ctx, fe, { outcome: 'backend', backend, decidedBy, mapMatch, servers: [share], chosen: share.name });
  }
  const r = servers.result;
  const shares = r.shares.map((s) => `${s.name} ${s.numerator}/${s.denominator}`).join(', ');
  ctx.trace.push(step('balance', r.pool === 'none' ? `backend ${backend ?? ''}: no server available, HAProxy answers 503` : `backend ${backend ?? ''} (${be.settings.balance.algorithm}, ${r.pool} servers): ${shares}`, at(ctx, be.header)));
  for (const note of r.notes) {
    ctx.trace.push(step('balance', note));
  }
  return finish(ctx, fe, { outcome: 'backend', backend, decidedBy, mapMatch, servers: r.shares, chosen: r.chosen ?? null, status: r.pool === 'none' ? 503 : null });
}

interface Ending {
  readonly outcome: RouteResult['outcome'];
  readonly backend?: string | null;
  readonly redirect?: string | null;
  readonly status?: number | null;
  readonly decidedBy?: DecidingLine | null;
  readonly mapMatch?: RouteResult['mapMatch'];
  readonly servers?: RouteResult['servers'];
  readonly chosen?: string | null;
  readonly reason?: string;
}

function phaseEnd(p: Exclude<PhaseOutcome, { kind: 'continue' }>, ctx: EvalContext): Ending {
  const decidedBy = decidingLine(ctx, p.directive);
  switch (p.kind) {
    case 'redirect':
      return { outcome: 'redirect', redirect: p.answer.location, status: p.answer.code, decidedBy };
    case 'status':
      return { outcome: 'status', status: p.status, decidedBy };
    case 'unknown':
      return { outcome: 'unknown', reason: p.reason, decidedBy };
  }
}

function finish(ctx: EvalContext, fe: Proxy, e: Ending): RouteResult {
  const unsupported = e.reason !== undefined ? [e.reason, ...ctx.unsupported.filter((u) => u !== e.reason)] : ctx.unsupported;
  if (e.reason !== undefined) {
    ctx.trace.push(step('unsupported', e.reason));
  }
  return {
    frontend: fe.name,
    outcome: e.outcome,
    backend: e.backend ?? null,
    redirect: e.redirect ?? null,
    status: e.status ?? null,
    decidedBy: e.decidedBy ?? null,
    mapMatch: e.mapMatch ?? null,
    servers: e.servers ?? [],
    chosenServer: e.chosen ?? null,
    request: finalRequest(ctx.state),
    unsupported,
    trace: ctx.trace,
  };
}

function finalRequest(s: HttpState): RouteResult['request'] {
  return { host: headerLines(s, 'host')[0], path: s.path, query: s.query };
}
