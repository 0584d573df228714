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
 * part's own lines.
 *
 * What was found is kept per config file for its last run only, by
 * position first (after an edit most parts sit where they were), then by
 * identity. No weak table: thousands of weak entries per keystroke cost the
 * garbage collector more than the checks themselves.
 */

interface LastRun<T> {
  readonly parts: readonly T[];
  readonly found: readonly (readonly Issue[])[];
  readonly issues: Issue[];
}

/** Configs whose last run is kept, per check (the language server holds a few open configs). */
const KEPT_FILES = 16;

function perPartCheck<T extends object>(parts: (config: HaproxyConfig) => Iterable<T>, find: (part: T, file: SourceFile) => Issue[]): Check {
  const lastRuns = new Map<string, LastRun<T>>();
  return (ctx) => {
    const path = ctx.config.file.path;
    const last = lastRuns.get(path);
    const now: T[] = [...parts(ctx.config)];
    if (last && sameItems(last.parts, now)) {
      return last.issues;
    }
    let byPart: Map<T, readonly Issue[]> | undefined;
    const found: (readonly Issue[])[] = [];
    const issues: Issue[] = [];
    for (let i = 0; i < now.length; i++) {
      const part = now[i] as T;
      let f = last?.parts[i] === part ? last.found[i] : undefined;
      if (!f && last) {
        // Parts after an added or removed part changed index, not identity.
        byPart ??= new Map(last.parts.map((p, j) => [p, last.found[j] as readonly Issue[]]));
        f = byPart.get(part);
      }
      f ??= find(part, ctx.config.file);
      found.push(f);
      for (const issue of f) {
        issues.push(issue);
      }
    }
    lastRuns.delete(path);
    lastRuns.set(path, { parts: now, found, issues });
    if (lastRuns.size > KEPT_FILES) {
      lastRuns.delete(lastRuns.keys().next().value as string);
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
