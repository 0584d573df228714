import type { SourceFile } from '../model/source-file';
import type { Directive, HaproxyConfig, Proxy, Section } from '../model/types';
import type { Check } from './check';
import type { Issue } from './issue';
import { isServerLine } from './server-setting-words';

/*
 * Checks made of what they find in one part of the config at a time. The
 * model reuses a directive, section or proxy object when its lines survived
 * an edit (same text, same line keys; for a proxy also the same defaults), so
 * the issues found in a part are recomputed only for parts that changed: on
 * a 14,000-line config an edit re-checks one backend, not two thousand.
 * `find` must therefore read nothing but its part and the file text of the
 * part's own lines.
 *
 * What was found is kept per config file for its last run only, for the
 * parts that have issues. After an edit the parts before and after it are
 * the same objects at both ends of the list, so a run compares the two
 * lists from each end and looks only at the window in between. No weak
 * table: thousands of weak entries per keystroke cost the garbage collector
 * more than the checks themselves.
 */

interface LastRun<T> {
  readonly parts: readonly T[];
  /** What was found, by part index, for the parts that have issues (most have none). */
  readonly found: ReadonlyMap<number, readonly Issue[]>;
  readonly issues: Issue[];
}

/** Configs whose last run is kept, per check (the language server holds a few open configs). */
const KEPT_FILES = 16;

const NONE: readonly Issue[] = [];

function perPartCheck<T extends object>(parts: (config: HaproxyConfig) => readonly T[], find: (part: T, file: SourceFile) => Issue[]): Check {
  const lastRuns = new Map<string, LastRun<T>>();
  return (ctx) => {
    const path = ctx.config.file.path;
    const now = parts(ctx.config);
    const last = lastRuns.get(path);
    // `find` and the file go down as they are: a closure around them would add a call per part, and a first open makes tens of thousands.
    const run = last ? rerun(last, now, find, ctx.config.file) : firstRun(now, find, ctx.config.file);
    if (run === last) {
      return run.issues;
    }
    lastRuns.delete(path);
    lastRuns.set(path, run);
    if (lastRuns.size > KEPT_FILES) {
      lastRuns.delete(lastRuns.keys().next().value as string);
    }
    return run.issues;
  };
}

function firstRun<T>(parts: readonly T[], find: (part: T, file: SourceFile) => Issue[], file: SourceFile): LastRun<T> {
  const found = new Map<number, readonly Issue[]>();
  // Indexed: a first open runs this for every part of every check before V8 has optimised anything.
  for (let i = 0; i < parts.length; i++) {
    const f = find(parts[i] as T, file);
    if (f.length > 0) {
      found.set(i, f);
    }
  }
  return { parts, found, issues: flatten(found) };
}

/**
 * The run on `parts` from the last run: an edit leaves the parts before and
 * after it the same objects, so only the window between the longest common
 * head and tail is looked at, and only its new objects are checked.
 */
function rerun<T>(last: LastRun<T>, parts: readonly T[], find: (part: T, file: SourceFile) => Issue[], file: SourceFile): LastRun<T> {
  const before = last.parts;
  const common = Math.min(before.length, parts.length);
  let head = 0;
  while (head < common && before[head] === parts[head]) {
    head++;
  }
  if (head === parts.length && head === before.length) {
    return last;
  }
  let tail = 0;
  while (tail < common - head && before[before.length - 1 - tail] === parts[parts.length - 1 - tail]) {
    tail++;
  }
  const oldEnd = before.length - tail;
  const newEnd = parts.length - tail;
  const found = new Map<number, readonly Issue[]>();
  const inOldWindow = new Map<T, readonly Issue[]>();
  for (let i = head; i < oldEnd; i++) {
    inOldWindow.set(before[i] as T, last.found.get(i) ?? NONE);
  }
  for (const [i, f] of last.found) {
    if (i < head) {
      found.set(i, f);
    } else if (i >= oldEnd) {
      found.set(i + newEnd - oldEnd, f);
    }
  }
  for (let i = head; i < newEnd; i++) {
    const part = parts[i] as T;
    // A part that only changed place inside the window keeps what was found.
    const f = inOldWindow.get(part) ?? find(part, file);
    if (f.length > 0) {
      found.set(i, f);
    }
  }
  return { parts, found, issues: flatten(found) };
}

/** The issues of every part, in part order. */
function flatten(found: ReadonlyMap<number, readonly Issue[]>): Issue[] {
  const issues: Issue[] = [];
  for (const i of [...found.keys()].sort((a, b) => a - b)) {
    for (const issue of found.get(i) as readonly Issue[]) {
      issues.push(issue);
    }
  }
  return issues;
}

/** `backends` are `backend` and `listen` sections by name, `all` every proxy. */
export function perProxyCheck(which: 'backends' | 'all', find: (proxy: Proxy, file: SourceFile) => Issue[]): Check {
  return perPartCheck((config) => (which === 'backends' ? backendList(config) : config.proxies), find);
}

/** Every section, of any kind, whose lines decide the issues alone. */
export function perSectionCheck(find: (section: Section, file: SourceFile) => Issue[]): Check {
  return perPartCheck((config) => config.sections, find);
}

/** Every directive, when its own line decides the issues. */
export function perDirectiveCheck(find: (directive: Directive, file: SourceFile) => Issue[]): Check {
  return perPartCheck((config) => config.directives, find);
}

/** Every `server`, `server-template` and `default-server` line, when its own line decides the issues. */
export function perServerLineCheck(find: (directive: Directive, file: SourceFile) => Issue[]): Check {
  return perPartCheck(serverLines, find);
}

const serverLineLists = new WeakMap<HaproxyConfig, readonly Directive[]>();

/**
 * The config's server-like lines, in order, made once per config. An edit
 * leaves the directives around it the same objects, so this list keeps the
 * same objects at both ends too, as `rerun` needs.
 */
function serverLines(config: HaproxyConfig): readonly Directive[] {
  let list = serverLineLists.get(config);
  if (!list) {
    const lines: Directive[] = [];
    for (let at = 0; at < config.directives.length; at++) {
      const d = config.directives[at] as Directive;
      if (isServerLine(d)) {
        lines.push(d);
      }
    }
    list = lines;
    serverLineLists.set(config, list);
  }
  return list;
}

const backendLists = new WeakMap<HaproxyConfig, readonly Proxy[]>();

/** The config's backends by name as an array, made once per config for every check that reads it. */
function backendList(config: HaproxyConfig): readonly Proxy[] {
  let list = backendLists.get(config);
  if (!list) {
    list = [...config.backendsByName.values()];
    backendLists.set(config, list);
  }
  return list;
}
