import type { Issue } from '../analysis/issue';
import type { EnvLookup } from '../parser/words';
import { readConfigLines } from './build-lines';
import { sameItems, type WeakTable } from './build-memo';
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
  const sections = groupSections(scan.directives, path, issues);

  let global: Global | undefined;
  const defaults: Defaults[] = [];
  const namedDefaults = new Map<string, Defaults>();
  const proxies: Proxy[] = [];
  const mapReferences: MapReference[] = [];
  let lastDefaults: Defaults | undefined;
  const issueTables = new Map<string, WeakTable<Issue[]>>();
  const defaultsTable = memo.table<{ defaults: Defaults; directives: readonly Directive[]; parent: Defaults | undefined; version: string }>('defaults');
  const proxyTable = memo.table<{ proxy: Proxy; directives: readonly Directive[]; inherited: Defaults | undefined; version: string }>('proxy');
  const refsTable = memo.table<{ owner: Proxy | Defaults; refs: MapReference[] }>('mapRefs');
  for (const s of sections) {
    let issueTable = issueTables.get(s.kind);
    if (!issueTable) {
      issueTable = memo.table<Issue[]>(`issues:${s.kind}`);
      issueTables.set(s.kind, issueTable);
    }
    for (const d of s.directives) {
      issues.push(...issueTable.get(d, () => true, () => directiveIssues(d, s.kind, path)));
    }
    if (s.kind === 'global') {
      global = global ?? buildGlobal(s);
    } else if (s.kind === 'defaults') {
      const fromDefaults = fromName(s.header);
      const parent = fromDefaults !== undefined ? namedDefaults.get(fromDefaults) : undefined;
      const built = defaultsTable.get(
        s.header,
        (c) => c.parent === parent && c.version === version && sameItems(c.directives, s.directives),
        () => ({ defaults: buildDefaults(s, namedDefaults, version), directives: s.directives, parent, version }),
      ).defaults;
      defaults.push(built);
      if (built.name) {
        namedDefaults.set(built.name, built);
      }
      lastDefaults = built;
      for (const d of s.directives) {
        mapReferences.push(...refsTable.get(d, (c) => c.owner === built, () => ({ owner: built, refs: collectMapReferences(d, built) })).refs);
      }
    } else if (s.kind === 'frontend' || s.kind === 'backend' || s.kind === 'listen') {
      const from = fromName(s.header);
      const inherited = from !== undefined ? namedDefaults.get(from) : lastDefaults;
      // A section whose lines all survived, under the same defaults, is the same proxy.
      const proxy = proxyTable.get(
        s.header,
        (c) => c.inherited === inherited && c.version === version && sameItems(c.directives, s.directives),
        () => ({ proxy: buildProxy({ ...s, kind: s.kind as Proxy['kind'] }, inherited, version), directives: s.directives, inherited, version }),
      ).proxy;
      proxies.push(proxy);
      for (const d of s.directives) {
        mapReferences.push(...refsTable.get(d, (c) => c.owner === proxy, () => ({ owner: proxy, refs: collectMapReferences(d, proxy) })).refs);
      }
    }
  }
  const backendsByName = new Map<string, Proxy>();
  for (const p of proxies) {
    if (p.kind !== 'frontend' && p.name !== undefined && !backendsByName.has(p.name)) {
      backendsByName.set(p.name, p);
    }
  }
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

function directiveIssues(d: Directive, section: Section['kind'], path: string): Issue[] {
  const keyword = checkKeyword(d, section, path);
  return keyword ? [keyword, ...sampleExpressionIssues(d, path)] : sampleExpressionIssues(d, path);
}

function groupSections(directives: readonly Directive[], file: string, issues: Issue[]): Section[] {
  const sections: Section[] = [];
  let current: { header: Directive; directives: Directive[] } | undefined;
  const close = (): void => {
    if (!current) {
      return;
    }
    const { header, directives: body } = current;
    const last = body[body.length - 1] ?? header;
    const nameWord = header.args[0] && header.args[0].value !== 'from' ? header.args[0] : undefined;
    sections.push({ kind: header.keyword as Section['kind'], name: nameWord?.value, nameSpan: nameWord?.span, header, directives: body, span: { start: header.span.start, end: last.span.end } });
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
