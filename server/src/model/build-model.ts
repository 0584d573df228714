import type { Issue } from '../analysis/issue';
import type { EnvLookup } from '../parser/words';
import { readConfigLines } from './build-lines';
import { LineTemplateCache } from './line-templates';
import { scanDirectives } from './build-directives';
import { buildDefaults, buildGlobal, buildProxy, fromName } from './build-proxies';
import { checkKeyword } from './keyword-check';
import { collectMapReferences } from './map-references';
import { sampleExpressionIssues } from './sample-expression-issues';
import { isSectionKeyword } from './sections';
import { createSourceFile } from './source-file';
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
  const file = createSourceFile(path, text);
  const issues: Issue[] = [];
  const lines = readConfigLines(file, options.lineCache ?? new LineTemplateCache(options.env), issues);
  const scan = scanDirectives(lines, path, issues);
  const sections = groupSections(scan.directives, path, issues);

  let global: Global | undefined;
  const defaults: Defaults[] = [];
  const namedDefaults = new Map<string, Defaults>();
  const proxies: Proxy[] = [];
  const mapReferences: MapReference[] = [];
  let lastDefaults: Defaults | undefined;
  for (const s of sections) {
    for (const d of s.directives) {
      const issue = checkKeyword(d, s.kind, path);
      if (issue) {
        issues.push(issue);
      }
      issues.push(...sampleExpressionIssues(d, path));
    }
    if (s.kind === 'global') {
      global = global ?? buildGlobal(s);
    } else if (s.kind === 'defaults') {
      const built = buildDefaults(s, namedDefaults, version);
      defaults.push(built);
      if (built.name) {
        namedDefaults.set(built.name, built);
      }
      lastDefaults = built;
      s.directives.forEach((d) => mapReferences.push(...collectMapReferences(d, built)));
    } else if (s.kind === 'frontend' || s.kind === 'backend' || s.kind === 'listen') {
      const from = fromName(s.header);
      const proxy = buildProxy({ ...s, kind: s.kind }, from !== undefined ? namedDefaults.get(from) : lastDefaults, version);
      proxies.push(proxy);
      s.directives.forEach((d) => mapReferences.push(...collectMapReferences(d, proxy)));
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
