import type { SourceFile } from '../model/source-file';
import type { Proxy } from '../model/types';
import type { Check } from './check';
import type { Issue } from './issue';

/**
 * A check made of what it finds inside each proxy, one proxy at a time:
 * `backends` are `backend` and `listen` sections by name, `all` every proxy.
 *
 * The model reuses a proxy object when every line of its section survived an
 * edit under the same defaults, so the issues found inside a proxy are
 * recomputed only for proxies that changed: on a 14,000-line config an edit
 * re-checks one backend, not two thousand. `find` must therefore read nothing
 * but the proxy and the file text of the proxy's own lines. Weak table:
 * entries die with their proxies.
 */
export function perProxyCheck(which: 'backends' | 'all', find: (proxy: Proxy, file: SourceFile) => Issue[]): Check {
  const cache = new WeakMap<Proxy, readonly Issue[]>();
  return (ctx) => {
    const proxies = which === 'backends' ? ctx.config.backendsByName.values() : ctx.config.proxies;
    const issues: Issue[] = [];
    for (const proxy of proxies) {
      let found = cache.get(proxy);
      if (!found) {
        found = find(proxy, ctx.config.file);
        cache.set(proxy, found);
      }
      issues.push(...found);
    }
    return issues;
  };
}
