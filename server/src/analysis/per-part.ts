import type { SourceFile } from '../model/source-file';
import type { Directive, HaproxyConfig, Proxy, Section } from '../model/types';
import type { Check } from './check';
import type { Issue } from './issue';
import { sameItems } from '../model/build-memo';

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
  // The parts of the last run, in order, with what was found in each: after an edit most parts sit where they were.
  let last: { parts: T[]; found: (readonly Issue[])[]; issues: Issue[] } | undefined;
  return (ctx) => {
    const now: T[] = [...parts(ctx.config)];
    if (last && sameItems(last.parts, now)) {
      return last.issues;
    }
    const found: (readonly Issue[])[] = [];
    const issues: Issue[] = [];
    for (let i = 0; i < now.length; i++) {
      const part = now[i] as T;
      let f = last?.parts[i] === part ? last.found[i] : cache.get(part);
      if (!f) {
        f = find(part, ctx.config.file);
        cache.set(part, f);
      }
      found.push(f);
      for (const issue of f) {
        issues.push(issue);
      }
    }
    last = { parts: now, found, issues };
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
