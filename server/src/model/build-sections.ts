import type { Issue } from '../analysis/issue';
import { finalLineBreakIssue, lineTextOf, type ReadLines } from './build-lines';
import { mayHoldPercent } from './build-directives';
import { sameItems, type BuildMemo } from './build-memo';
import { buildDefaults, buildGlobal, buildProxy, fromName } from './build-proxies';
import { checkKeyword, keywordCheckKey } from './keyword-check';
import { collectMapReferences } from './map-references';
import { sampleExpressionIssues } from './sample-expression-issues';
import { isSectionKeyword } from './sections';
import type { Defaults, Directive, Global, HaproxyConfig, MapReference, Proxy, Section } from './types';

/*
 * Sections and what each yields, shared by the whole-file build
 * (build-model.ts) and the build that reuses the last model around an edit
 * (splice-model.ts). Both go through the same memo tables, so a section,
 * directive or outcome made by one is found by the other.
 */

/** What one section adds to the model. */
export interface SectionOutcome {
  /** The defaults the section was built on (its `from` parent for a defaults section). */
  readonly base: Defaults | undefined;
  readonly version: string;
  readonly built: Global | Defaults | Proxy | undefined;
  readonly issues: readonly Issue[];
  readonly refs: readonly MapReference[];
}

/** The model and the parts its issues were gathered from, in the order `config.issues` lists them. */
export interface ModelParts {
  readonly version: string;
  readonly config: HaproxyConfig;
  /** Problems HAProxy finds reading lines (bad tokens, escapes), by line. */
  readonly lineIssues: readonly Issue[];
  /** Problems found turning lines into directives, by line. */
  readonly scanIssues: readonly Issue[];
  /** Directives outside any section. */
  readonly groupIssues: readonly Issue[];
  /** Keyword and sample expression problems, section after section. */
  readonly sectionIssues: readonly Issue[];
}

export const MEMO = { section: 'section', outcome: 'section outcome', directiveIssues: 'directive issues', model: 'model' } as const;

/** The defaults a section builds on: its `from` parent for a defaults section, else `from` or the last defaults above. */
export function baseOf(s: Section, named: ReadonlyMap<string, Defaults>, last: Defaults | undefined): Defaults | undefined {
  const from = fromName(s.header);
  if (s.kind === 'defaults') {
    return from !== undefined ? named.get(from) : undefined;
  }
  if (s.kind === 'frontend' || s.kind === 'backend' || s.kind === 'listen') {
    return from !== undefined ? named.get(from) : last;
  }
  return undefined;
}

/**
 * What section `s` yields on `base`: the last outcome when the section is
 * the same object on the same defaults and version, else a new one.
 */
export function sectionOutcome(memo: BuildMemo, s: Section, base: Defaults | undefined, named: ReadonlyMap<string, Defaults>, version: string, path: string): SectionOutcome {
  const outcomes = memo.table<SectionOutcome>(MEMO.outcome);
  return outcomes.get(s, (c) => c.base === base && c.version === version, () => buildSection(s, base, named, version, (d) => directiveIssuesOf(memo, d, s.kind, version, path)));
}

/**
 * Keyword diagnostics depend on the line's text, the section kind and the
 * version alone: a long section edited in one line re-checks one line. A
 * line without `%` whose keyword key another line showed clean in the same
 * kind of section (thousands of `server` lines) is not checked again, nor is
 * a line whose text another line showed clean (thousands of `balance
 * roundrobin`). Lines with issues keep them per directive, as the issues hold
 * the line's positions.
 */
function directiveIssuesOf(memo: BuildMemo, d: Directive, kind: Section['kind'], version: string, path: string): readonly Issue[] {
  // Without `%` no sample expression can be wrong, and the keyword verdict depends on a few words (keywordCheckKey).
  const shapes = mayHoldPercent(d) ? undefined : cleanShapesOf(version, kind);
  const shape = shapes && keywordCheckKey(d);
  if (shape !== undefined && shapes?.has(shape)) {
    return NO_ISSUES;
  }
  const text = lineTextOf(d);
  const known = text && cleanLineTexts.get(text);
  const cleanElsewhere = known !== undefined && known.version === version && known.path === path;
  if (cleanElsewhere && known.kinds.includes(kind)) {
    return NO_ISSUES;
  }
  const table = memo.table<{ kind: Section['kind']; version: string; issues: Issue[] }>(MEMO.directiveIssues);
  const cached = table.peek(d);
  if (cached !== undefined && cached.kind === kind && cached.version === version) {
    table.set(d, cached);
    return cached.issues;
  }
  const issues = directiveIssues(d, kind, version, path);
  if (shape !== undefined && issues.length === 0) {
    shapes?.add(shape);
    return NO_ISSUES;
  }
  // A clean line is remembered by its text alone: thousands of memo entries made on a first open for lines with nothing to say cost more than they save.
  if (text && issues.length === 0) {
    cleanLineTexts.set(text, cleanElsewhere ? { version, path, kinds: [...known.kinds, kind] } : cleanInOneKind(version, path, kind));
  } else {
    table.set(d, { kind, version, issues });
  }
  return issues;
}

/**
 * By version and section kind, the keyword keys (keywordCheckKey) of
 * directives found free of issues. Only known keywords, options and
 * timeouts are clean, so each set stays as small as the keyword catalogue.
 */
const cleanShapes = new Map<string, Map<Section['kind'], Set<string>>>();

/** The clean keyword keys of one version and kind (nested maps: no key string to build per line). */
function cleanShapesOf(version: string, kind: Section['kind']): Set<string> {
  let byKind = cleanShapes.get(version);
  if (!byKind) {
    byKind = new Map();
    cleanShapes.set(version, byKind);
  }
  let shapes = byKind.get(kind);
  if (!shapes) {
    shapes = new Set();
    byKind.set(kind, shapes);
  }
  return shapes;
}

/** The last entry made for a single kind: the lines around share it, as they sit in the same kind of section. */
let lastOneKind: CleanLineText | undefined;

function cleanInOneKind(version: string, path: string, kind: Section['kind']): CleanLineText {
  const last = lastOneKind;
  if (last && last.version === version && last.path === path && last.kinds[0] === kind) {
    return last;
  }
  lastOneKind = { version, path, kinds: [kind] };
  return lastOneKind;
}

/** The section kinds in which a line text has no keyword issue, for one version and file. */
interface CleanLineText {
  readonly version: string;
  readonly path: string;
  readonly kinds: readonly Section['kind'][];
}

/** By line text (see lineTextOf): weak, so an entry goes with the last line of its text. */
const cleanLineTexts = new WeakMap<object, CleanLineText>();

const NO_ISSUES: readonly Issue[] = [];

function buildSection(s: Section, base: Defaults | undefined, named: ReadonlyMap<string, Defaults>, version: string, issuesOf: (d: Directive) => readonly Issue[]): SectionOutcome {
  const issues: Issue[] = [];
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < s.directives.length; at++) {
    const d = s.directives[at] as Directive;
    pushAll(issues, issuesOf(d));
  }
  let built: SectionOutcome['built'];
  if (s.kind === 'global') {
    built = buildGlobal(s);
  } else if (s.kind === 'defaults') {
    built = buildDefaults(s, named, version);
  } else if (s.kind === 'frontend' || s.kind === 'backend' || s.kind === 'listen') {
    built = buildProxy(s as Section & { kind: typeof s.kind }, base, version);
  }
  const refs: MapReference[] = [];
  if (built && built.kind !== 'global') {
    for (let at = 0; at < s.directives.length; at++) {
      const d = s.directives[at] as Directive;
      pushAll(refs, collectMapReferences(d, built));
    }
  }
  return { base, version, built, issues, refs };
}

function directiveIssues(d: Directive, section: Section['kind'], version: string, path: string): Issue[] {
  const keyword = checkKeyword(d, section, path, version);
  return keyword ? [keyword, ...sampleExpressionIssues(d, path)] : sampleExpressionIssues(d, path);
}

/**
 * Groups directives into sections, each starting at a section keyword.
 * Directives before the first one are reported as outside any section.
 */
export function groupSections(directives: readonly Directive[], file: string, issues: Issue[], memo: BuildMemo): Section[] {
  const sections: Section[] = [];
  // A section whose lines all survived is the same Section object, so what was derived from it is reused.
  const byHeader = memo.table<Section>(MEMO.section);
  let current: { header: Directive; directives: Directive[] } | undefined;
  const close = (): void => {
    if (!current) {
      return;
    }
    const { header, directives: body } = current;
    sections.push(
      byHeader.get(header, (c) => sameItems(c.directives, body), () => {
        const last = body[body.length - 1] ?? header;
        const nameWord = header.args[0] && header.args[0].value !== 'from' ? header.args[0] : undefined;
        return { kind: header.keyword as Section['kind'], name: nameWord?.value, nameSpan: nameWord?.span, header, directives: body, span: { start: header.span.start, end: last.span.end } };
      }),
    );
  };
  for (let at = 0; at < directives.length; at++) {
    const d = directives[at] as Directive;
    if (isSectionKeyword(d.keyword)) {
      close();
      current = { header: d, directives: [] };
    } else if (current) {
      current.directives.push(d);
    } else {
      issues.push({ code: 'directive/out-of-section', severity: 'error', message: `'${d.keyword}' is outside any section: a file must start with a section keyword such as 'global' or 'frontend'`, file, span: d.keywordSpan });
    }
  }
  close();
  return sections;
}

/** Backends and listens by name, the first of a name winning (HAProxy refuses duplicates; the model keeps the first). */
export function backendsByNameOf(proxies: readonly Proxy[]): Map<string, Proxy> {
  const byName = new Map<string, Proxy>();
  for (let at = 0; at < proxies.length; at++) {
    const p = proxies[at] as Proxy;
    if (p.kind !== 'frontend' && p.name !== undefined && !byName.has(p.name)) {
      byName.set(p.name, p);
    }
  }
  return byName;
}

/** `push(...items)` without spreading: no argument-count limit, no call for an empty list. */
export function pushAll<T>(into: T[], items: readonly T[]): void {
  for (let at = 0; at < items.length; at++) {
    const item = items[at] as T;
    into.push(item);
  }
}

/** `config.issues`: the missing final line break, then the parts in reading order. */
export function modelIssues(read: ReadLines, lineIssues: readonly Issue[], scanIssues: readonly Issue[], groupIssues: readonly Issue[], sectionIssues: readonly Issue[]): Issue[] {
  const missing = finalLineBreakIssue(read.file);
  return [...(missing ? [missing] : []), ...lineIssues, ...scanIssues, ...groupIssues, ...sectionIssues];
}
