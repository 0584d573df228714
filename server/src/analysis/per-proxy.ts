import type { Proxy } from '../model/types';
import type { Issue } from './issue';

/*
 * The model reuses a proxy object when every line of its section survived an
 * edit under the same defaults. Issues a check finds inside one proxy depend
 * on that proxy alone, so they are recomputed only for proxies that changed:
 * on a 14,000-line config an edit re-checks one backend, not two thousand.
 * Weak table: entries die with their proxies.
 */
const cache = new WeakMap<Proxy, Map<string, readonly Issue[]>>();

/**
 * The issues `find` reports for `proxy`, remembered per check name and
 * config path. `find` must read nothing but the proxy (and the file text
 * inside the proxy's own lines).
 */
export function proxyIssues(check: string, file: string, proxy: Proxy, find: () => Issue[]): readonly Issue[] {
  let byCheck = cache.get(proxy);
  if (!byCheck) {
    byCheck = new Map();
    cache.set(proxy, byCheck);
  }
  const key = `${check}\u0000${file}`;
  let issues = byCheck.get(key);
  if (!issues) {
    issues = find();
    byCheck.set(key, issues);
  }
  return issues;
}
