import type { Issue } from '../analysis/issue';
import { lineProblems, type ReadLines } from './build-lines';
import { replaceRange, type BuildMemo } from './build-memo';
import { scanPlainLines } from './build-directives';
import { backendsByNameOf, baseOf, groupSections, MEMO, modelIssues, pushAll, sectionOutcome, type ModelParts } from './build-sections';
import { keyOfPosition, type Span } from './span';
import type { Defaults, Directive, HaproxyConfig, MapReference, Proxy, Section } from './types';

/**
 * The model of a text whose lines `read.changed.from` to `to` are new, every
 * other line being the object the last build made, with the same line key
 * (typing in a line, or adding or removing lines, moves no other line's
 * positions; see span.ts). The last model is reused around the edit:
 * directives, comments and issues of the replaced lines are replaced, the
 * sections holding them are built again, and every other section, proxy
 * and map reference is the last model's object. On a 14,000-line config
 * this touches one section instead of walking two thousand.
 *
 * Undefined, with nothing else changed, when the edit reaches what other
 * sections depend on: a `defaults` or `global` section, an `.if` block, a
 * section keyword of a section other than the first one touched, or the
 * lines before the first section. The whole-file build then runs.
 */
export function spliceModel(last: ModelParts, read: ReadLines, memo: BuildMemo): ModelParts | undefined {
  const change = read.changed;
  const prev = last.config;
  const path = read.file.path;
  const firstSection = prev.sections[0];
  // The lines were compared with the file this model was built from, or nothing here is known to be the same.
  if (!change || change.since !== prev.file || !firstSection || prev.conditionals.length > 0 || last.scanIssues.some((i) => i.code === 'syntax/unbalanced-conditional')) {
    return undefined;
  }
  const { fromKey, toKey } = change;
  if (fromKey < keyOf(firstSection.header) || toKey <= fromKey) {
    return undefined;
  }
  // The sections holding the changed lines: from the one whose header is at or above them to the last one starting above their end.
  const sa = lastIndexBefore(prev.sections, fromKey + 1, (s) => keyOf(s.header));
  const sb = lastIndexBefore(prev.sections, toKey, (s) => keyOf(s.header));
  const regionStart = keyOf((prev.sections[sa] as Section).header);
  const nextSection = prev.sections[sb + 1];
  const regionEnd = nextSection ? keyOf(nextSection.header) : Number.POSITIVE_INFINITY;
  if (prev.sections.slice(sa, sb + 1).some(sharedByOthers)) {
    return undefined;
  }
  const scan = scanPlainLines(read.byLine.slice(change.from, change.to), path);
  if (!scan) {
    return undefined;
  }
  const directives = replaceKeys(prev.directives, fromKey, toKey, scan.directives, keyOf);
  const regionDirectives = directives.slice(firstAtOrAfter(directives, regionStart, keyOf), firstAtOrAfter(directives, regionEnd, keyOf));
  const groupIssues: Issue[] = [];
  const sections = groupSections(regionDirectives, path, groupIssues, memo);
  // A region that no longer starts with a section keyword hands its first lines to the section above.
  if (groupIssues.length > 0 || sections.length === 0 || sections.some(sharedByOthers)) {
    return undefined;
  }
  const named = new Map<string, Defaults>();
  let lastDefaults: Defaults | undefined;
  for (const d of prev.defaults) {
    if (keyOf(d.header) >= regionStart) {
      break;
    }
    if (d.name) {
      named.set(d.name, d);
    }
    lastDefaults = d;
  }
  const proxies: Proxy[] = [];
  const refs: MapReference[] = [];
  const sectionIssues: Issue[] = [];
  for (const s of sections) {
    const outcome = sectionOutcome(memo, s, baseOf(s, named, lastDefaults), named, last.version, path);
    pushAll(sectionIssues, outcome.issues);
    pushAll(refs, outcome.refs);
    if (outcome.built && outcome.built.kind !== 'global' && outcome.built.kind !== 'defaults') {
      proxies.push(outcome.built);
    }
  }
  forgetReplaced(memo, prev.sections.slice(sa, sb + 1), sections, prev.directives.slice(firstAtOrAfter(prev.directives, fromKey, keyOf), firstAtOrAfter(prev.directives, toKey, keyOf)));
  const lineIssues = replaceKeys(last.lineIssues, fromKey, toKey, lineProblems(read, change.from, change.to), keyOfIssue);
  const scanIssues = replaceKeys(last.scanIssues, fromKey, toKey, scan.issues, keyOfIssue);
  const headerKey = (p: Proxy): number => keyOf(p.header);
  const replacedProxies = prev.proxies.slice(firstAtOrAfter(prev.proxies, regionStart, headerKey), firstAtOrAfter(prev.proxies, regionEnd, headerKey));
  const allProxies = replaceKeys(prev.proxies, regionStart, regionEnd, proxies, headerKey);
  const { backendsByName, frontends } = proxyIndexes(prev, replacedProxies, proxies, allProxies);
  const allSectionIssues = replaceKeys(last.sectionIssues, regionStart, regionEnd, sectionIssues, keyOfIssue);
  return {
    version: last.version,
    lineIssues,
    scanIssues,
    groupIssues: last.groupIssues,
    sectionIssues: allSectionIssues,
    config: {
      ...prev,
      file: read.file,
      sections: replaceRange(prev.sections, sa, sb + 1, sections),
      proxies: allProxies,
      backendsByName,
      frontends,
      mapReferences: replaceKeys(prev.mapReferences, regionStart, regionEnd, refs, (r) => keyOf(r.directive)),
      directives,
      comments: replaceKeys(prev.comments, fromKey, toKey, scan.comments, keyOf),
      issues: modelIssues(read, lineIssues, scanIssues, last.groupIssues, allSectionIssues),
    },
  };
}

/** The line key of what starts a thing (see span.ts): the model's lists are in key order. */
const keyOf = (t: { readonly span: Span }): number => keyOfPosition(t.span.start);
const keyOfIssue = (i: Issue): number => keyOfPosition(i.span.start);

/**
 * The backend index and frontend list after the splice. While the replaced
 * proxies keep their kinds and names in order (an edit inside a proxy),
 * each new proxy takes its predecessor's place in the last model's index
 * instead of the index being built again over every proxy.
 */
function proxyIndexes(prev: HaproxyConfig, replaced: readonly Proxy[], proxies: readonly Proxy[], allProxies: readonly Proxy[]): Pick<HaproxyConfig, 'backendsByName' | 'frontends'> {
  const sameNames = replaced.length === proxies.length && replaced.every((p, i) => p.kind === proxies[i]?.kind && p.name === proxies[i]?.name);
  if (!sameNames) {
    return { backendsByName: backendsByNameOf(allProxies), frontends: allProxies.filter((p) => p.kind !== 'backend') };
  }
  const backendsByName = new Map(prev.backendsByName);
  replaced.forEach((old, i) => {
    // The first proxy of a name is the one indexed; a later one of the same name stays out, as in a whole build.
    if (old.name !== undefined && backendsByName.get(old.name) === old) {
      backendsByName.set(old.name, proxies[i] as Proxy);
    }
  });
  const frontends = replaced.some((p) => p.kind !== 'backend') ? allProxies.filter((p) => p.kind !== 'backend') : prev.frontends;
  return { backendsByName, frontends };
}

/** Sections whose content other sections read: defaults are inherited, the first global wins. */
function sharedByOthers(s: Section): boolean {
  return s.kind === 'defaults' || s.kind === 'global';
}

/** Drops the memo entries of the sections and directives the splice replaced, so the memo holds the live model only. */
function forgetReplaced(memo: BuildMemo, oldSections: readonly Section[], newSections: readonly Section[], oldDirectives: readonly Directive[]): void {
  const kept = new Set<object>(newSections);
  const headers = new Set<object>(newSections.map((s) => s.header));
  for (const s of oldSections) {
    if (!kept.has(s)) {
      memo.forget(MEMO.outcome, s);
      // A section whose body changed under the same header line is a new section under the same key.
      if (!headers.has(s.header)) {
        memo.forget(MEMO.section, s.header);
      }
    }
  }
  for (const d of oldDirectives) {
    memo.forget(MEMO.directiveIssues, d);
  }
}

/** `items` (in key order) with those on lines keyed `start` to `end` (exclusive) replaced by `replacement`. */
function replaceKeys<T>(items: readonly T[], start: number, end: number, replacement: readonly T[], key: (t: T) => number): T[] {
  return replaceRange(items, firstAtOrAfter(items, start, key), firstAtOrAfter(items, end, key), replacement);
}

/** Index of the first item on a line keyed `n` or after, in a list in key order. */
function firstAtOrAfter<T>(items: readonly T[], n: number, line: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (line(items[mid] as T) < n) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Index of the last item on a line keyed before `n` (-1 when none), in a list in key order. */
function lastIndexBefore<T>(items: readonly T[], n: number, line: (t: T) => number): number {
  return firstAtOrAfter(items, n, line) - 1;
}
