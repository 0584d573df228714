import type { SourceFile } from '../model/source-file';
import type { Directive, HaproxyConfig, Proxy, Section } from '../model/types';
import type { Check } from './check';
import type { Issue } from './issue';

/*
 * Checks made of what they find in one part of the config at a time. The
 * model reuses a directive, section or proxy object when its lines survived
 * an edit (same text, same place; for a proxy also the same defaults), so
 * the issues found in a part are recomputed only for parts that changed: on
 * a 14,000-line config an edit re-checks one backend, not two thousand.
 * `find` must therefore read nothing but its part and the file text of the
 * part's own lines. Weak tables: entries die with their parts.
 */

function perPartCheck<T extends object>(parts: (config: HaproxyConfig) => Iterable<T>, find: (part: T, file: SourceFile) => Issue[]): Check {
  const cache = new WeakMap<T, readonly Issue[]>();
  return (ctx) => {
    const issues: Issue[] = [];
    for (const part of parts(ctx.config)) {
      let found = cache.get(part);
      if (!found) {
        found = find(part, ctx.config.file);
        cache.set(part, found);
      }
      for (const issue of found) {
        issues.push(issue);
      }
    }
    return issues;
  };
}

/** `backends` are `backend` and `listen` sections by name, `all` every proxy. */
export function perProxyCheck(which: 'backends' | 'all', find: (proxy: Proxy, file: SourceFile) => Issue[]): Check {
  return perPartCheck((config) => (which === 'backends' ? config.backendsByName.values() : config.proxies), find);
}

/** Every section, of any kind, whose lines decide the issues alone. */
export function perSectionCheck(find: (section: Section, file: SourceFile) => Issue[]): Check {
  return perPartCheck((config) => config.sections, find);
}

/** Every directive, when its own line decides the issues. */
export function perDirectiveCheck(find: (directive: Directive, file: SourceFile) => Issue[]): Check {
  return perPartCheck((config) => config.directives, find);
}
