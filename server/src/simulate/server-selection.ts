import type { Proxy, Server } from '../model/types';
import { computeBalance, type BalanceRequestKey, type BalanceResult, type BalanceServer } from '../balance';
import { evaluateCondition } from './condition';
import { at, type EvalContext } from './eval-context';
import { pathWithQuery } from './http-state';
import { evaluateExpression } from './sample';
import { step } from './trace';

/** Servers chosen in a backend: by `use-server`, by load balancing, or unknown. */
export type ServerChoice =
  | { readonly kind: 'use-server'; readonly server: Server }
  | { readonly kind: 'balance'; readonly result: BalanceResult }
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * True when `server` of `backend` is assumed down: listed in `down` as
 * `backend/server` or `backend/*`, or tracking a server that is.
 */
export function isAssumedDown(backend: Proxy, server: Server, down: readonly string[], config: ReadonlyMap<string, Proxy>, depth = 0): boolean {
  const be = backend.name ?? '';
  if (down.includes(`${be}/${server.name ?? ''}`) || down.includes(`${be}/*`)) {
    return true;
  }
  const track = server.settings.track;
  if (track === undefined || depth > 16) {
    return false;
  }
  const slash = track.indexOf('/');
  const tb = slash >= 0 ? config.get(track.slice(0, slash)) : backend;
  const ts = tb?.servers.find((s) => s.name === (slash >= 0 ? track.slice(slash + 1) : track));
  return tb !== undefined && ts !== undefined && (ts.settings.disabled || isAssumedDown(tb, ts, down, config, depth + 1));
}

/**
 * `use-server` rules in order (a rule whose server is down is passed over,
 * reference §4.1), then load balancing through computeBalance.
 */
export function chooseServers(backend: Proxy, down: readonly string[], ctx: EvalContext): ServerChoice {
  const byName = ctx.loaded.config.backendsByName;
  const usable = (s: Server): boolean => !s.settings.disabled && !isAssumedDown(backend, s, down, byName);
  for (const rule of backend.useServers) {
    const cond = rule.condition ? evaluateCondition(rule.condition, backend, ctx) : undefined;
    if (cond?.kind === 'unknown') {
      return cond;
    }
    if (cond && !cond.value) {
      ctx.trace.push(step('condition', `use-server ${rule.server}: condition is false (${cond.because})`, at(ctx, rule.directive)));
      continue;
    }
    const server = backend.servers.find((s) => s.name === rule.server);
    if (!server) {
      return { kind: 'unknown', reason: `cannot simulate: use-server names unknown server '${rule.server}'` };
    }
    if (!usable(server)) {
      ctx.trace.push(step('use-server', `use-server ${rule.server} matched but the server is down, so the next rules apply`, at(ctx, rule.directive)));
      continue;
    }
    ctx.trace.push(step('use-server', `use-server sends the request to ${rule.server}`, at(ctx, rule.directive)));
    return { kind: 'use-server', server };
  }
  const s = backend.settings;
  const servers: BalanceServer[] = backend.servers.map((srv) => ({
    name: srv.name ?? '?',
    weight: srv.settings.weight,
    backup: srv.settings.backup,
    usable: usable(srv),
    ...(srv.settings.id !== undefined ? { id: srv.settings.id } : {}),
    ...(srv.settings.maxconn !== undefined ? { maxconn: srv.settings.maxconn } : {}),
  }));
  const key = requestKey(backend, ctx);
  if (typeof key === 'string') {
    return { kind: 'unknown', reason: key };
  }
  const result = computeBalance({
    algorithm: s.balance.algorithm,
    params: s.balance.params,
    ...(s.balance.argument !== undefined ? { argument: s.balance.argument } : {}),
    hashType: s.hashType,
    allBackups: s.allBackups,
    servers,
  }, key);
  return { kind: 'balance', result };
}

function requestKey(backend: Proxy, ctx: EvalContext): BalanceRequestKey | string {
  const st = ctx.state;
  const headers = new Map<string, string[]>();
  for (const h of st.headers) {
    const k = h.name.toLowerCase();
    headers.set(k, [...(headers.get(k) ?? []), h.value]);
  }
  const key = { uri: pathWithQuery(st), path: st.path, ...(st.query !== undefined ? { query: st.query } : {}), headers, srcIp: st.src };
  const b = backend.settings.balance;
  if (b.algorithm === 'rdp-cookie') {
    return 'cannot simulate: balance rdp-cookie (TCP-mode RDP cookies are not modelled)';
  }
  if (b.algorithm !== 'hash') {
    return key;
  }
  if (!b.expression) {
    return `cannot simulate: balance hash expression '${b.argument ?? ''}'`;
  }
  const sample = evaluateExpression(b.expression, ctx, false);
  if (sample.kind === 'unsupported') {
    return sample.reason;
  }
  return sample.kind === 'present' ? { ...key, hashSample: sample.values[sample.values.length - 1] ?? '' } : key;
}
