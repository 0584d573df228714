import type { Issue } from '../analysis/issue';
import type { EnvLookup } from '../parser/words';
import { readConfigLines } from './build-lines';
import { sameItems, type BuildMemo } from './build-memo';
import { LineTemplateCache } from './line-templates';
import { scanDirectives } from './build-directives';
import { buildDefaults, buildGlobal, buildProxy, fromName } from './build-proxies';
import { checkKeyword } from './keyword-check';
import { collectMapReferences } from './map-references';
import { sampleExpressionIssues } from './sample-expression-issues';
import { isSectionKeyword } from './sections';
import type { Defaults, Directive, Global, HaproxyConfig, MapReference, Proxy, Section } from './types';

export interface BuildOptions {
  /** HAProxy version whose defaults apply ('2.6' unless said otherwise). */
  readonly haproxyVersion?: string;
  /** Environment variables known at analysis time; unknown ones stay as written. */
  readonly env?: EnvLookup;
  /**
   * Line templates of the previous build of the same document: only lines
   * whose text is new are tokenized again. Its env wins over `env`.
   */
  readonly lineCache?: LineTemplateCache;
}

/**
 * Builds the typed model of a haproxy.cfg text. Never throws: every problem
 * is an issue in `config.issues`, and lines after a broken one are modelled.
 */
export function buildConfigModel(text: string, path: string, options: BuildOptions = {}): HaproxyConfig {
  const version = options.haproxyVersion ?? '2.6';
  const issues: Issue[] = [];
  const cache = options.lineCache ?? new LineTemplateCache(options.env);
  const memo = cache.memo;
  const { file, lines } = readConfigLines(path, text, cache, issues);
  const scan = scanDirectives(lines, path, issues, memo);
  const sections = groupSections(scan.directives, path, issues, memo);

  let global: Global | undefined;
  const defaults: Defaults[] = [];
  const namedDefaults = new Map<string, Defaults>();
  const proxies: Proxy[] = [];
  const mapReferences: MapReference[] = [];
  let lastDefaults: Defaults | undefined;
  const outcomes = memo.table<SectionOutcome>('section outcome');
  // Keyword diagnostics depend on the line and the section kind alone: a long section edited in one line re-checks one line.
  const directiveIssueTable = memo.table<{ kind: Section['kind']; issues: Issue[] }>('directive issues');
  const issuesOf = (d: Directive, kind: Section['kind']): readonly Issue[] => directiveIssueTable.get(d, (c) => c.kind === kind, () => ({ kind, issues: directiveIssues(d, kind, path) })).issues;
  for (const s of sections) {
    // What a section yields depends on its lines, the defaults it builds on and the version: an unchanged section costs a lookup.
    const base = s.kind === 'defaults' ? defaultsParent(s, namedDefaults) : s.kind === 'frontend' || s.kind === 'backend' || s.kind === 'listen' ? inheritedDefaults(s, namedDefaults, lastDefaults) : undefined;
    const outcome = outcomes.get(s, (c) => c.base === base && c.version === version, () => buildSection(s, base, namedDefaults, version, issuesOf));
    pushAll(issues, outcome.issues);
    pushAll(mapReferences, outcome.refs);
    const built = outcome.built;
    if (built?.kind === 'global') {
      global = global ?? built;
    } else if (built?.kind === 'defaults') {
      defaults.push(built);
      if (built.name) {
        namedDefaults.set(built.name, built);
      }
      lastDefaults = built;
    } else if (built) {
      proxies.push(built);
    }
  }
  const backendsByName = new Map<string, Proxy>();
  for (const p of proxies) {
    if (p.kind !== 'frontend' && p.name !== undefined && !backendsByName.has(p.name)) {
      backendsByName.set(p.name, p);
    }
  }
  memo.endBuild();
  return {
    kind: 'config',
    file,
    sections,
    global,
    defaults,
    proxies,
    backendsByName,
    frontends: proxies.filter((p) => p.kind !== 'backend'),
    mapReferences,
    conditionals: scan.conditionals,
    directives: scan.directives,
    comments: scan.comments,
    issues,
  };
}

/** What one section adds to the model. */
interface SectionOutcome {
  /** The defaults the section was built on (its `from` parent for a defaults section). */
  readonly base: Defaults | undefined;
  readonly version: string;
  readonly built: Global | Defaults | Proxy | undefined;
  readonly issues: readonly Issue[];
  readonly refs: readonly MapReference[];
}

function defaultsParent(s: Section, named: ReadonlyMap<string, Defaults>): Defaults | undefined {
  const from = fromName(s.header);
  return from !== undefined ? named.get(from) : undefined;
}

function inheritedDefaults(s: Section, named: ReadonlyMap<string, Defaults>, last: Defaults | undefined): Defaults | undefined {
  const from = fromName(s.header);
  return from !== undefined ? named.get(from) : last;
}

function buildSection(s: Section, base: Defaults | undefined, named: ReadonlyMap<string, Defaults>, version: string, issuesOf: (d: Directive, kind: Section['kind']) => readonly Issue[]): SectionOutcome {
  const issues: Issue[] = [];
  for (const d of s.directives) {
    pushAll(issues, issuesOf(d, s.kind));
  }
  let built: SectionOutcome['built'];
  if (s.kind === 'global') {
    built = buildGlobal(s);
  } else if (s.kind === 'defaults') {
    built = buildDefaults(s, named, version);
  } else if (s.kind === 'frontend' || s.kind === 'backend' || s.kind === 'listen') {
    built = buildProxy({ ...s, kind: s.kind }, base, version);
  }
  const refs: MapReference[] = [];
  if (built && built.kind !== 'global') {
    for (const d of s.directives) {
      pushAll(refs, collectMapReferences(d, built));
    }
  }
  return { base, version, built, issues, refs };
}

/** `push(...items)` without spreading: no argument-count limit, no call for an empty list. */
function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) {
    into.push(item);
  }
}

function directiveIssues(d: Directive, section: Section['kind'], path: string): Issue[] {
  const keyword = checkKeyword(d, section, path);
  return keyword ? [keyword, ...sampleExpressionIssues(d, path)] : sampleExpressionIssues(d, path);
}

function groupSections(directives: readonly Directive[], file: string, issues: Issue[], memo: BuildMemo): Section[] {
  const sections: Section[] = [];
  // A section whose lines all survived is the same Section object, so what was derived from it is reused.
  const byHeader = memo.table<Section>('section');
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
  for (const d of directives) {
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
