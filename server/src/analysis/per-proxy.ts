import type { Proxy } from '../model/types';
import type { Issue } from './issue';

/** Issues one check finds inside one proxy. */
export type ProxyIssueMemo = (proxy: Proxy, find: () => Issue[]) => readonly Issue[];

/**
 * A memo for one check's per-proxy issues. The model reuses a proxy object
 * when every line of its section survived an edit under the same defaults,
 * so issues found inside one proxy are recomputed only for proxies that
 * changed: on a 14,000-line config an edit re-checks one backend, not two
 * thousand. `find` must read nothing but the proxy (and the file text of the
 * proxy's own lines). Weak table: entries die with their proxies.
 */
export function proxyIssueMemo(): ProxyIssueMemo {
  const cache = new WeakMap<Proxy, readonly Issue[]>();
  return (proxy, find) => {
    let issues = cache.get(proxy);
    if (!issues) {
      issues = find();
      cache.set(proxy, issues);
    }
    return issues;
  };
}
