/*
 * What is under the cursor: the one place that maps a position in a config
 * or map document to the model node features talk about.
 */
import { lineOf, type Directive, type HaproxyConfig, type MapEntry, type MapFile, type MapReference, type Proxy, type Section, type Server, type Span } from '../engine';
import { findUrlAt } from './url-tokens';

export type Target =
  | { readonly kind: 'backend-def'; readonly name: string; readonly span: Span; readonly proxy: Proxy }
  | { readonly kind: 'backend-ref'; readonly name: string; readonly span: Span }
  | { readonly kind: 'acl-def' | 'acl-ref'; readonly name: string; readonly span: Span; readonly proxy: Proxy }
  | { readonly kind: 'map-path'; readonly ref: MapReference; readonly span: Span }
  | { readonly kind: 'server'; readonly server: Server; readonly proxy: Proxy; readonly span: Span }
  | { readonly kind: 'keyword'; readonly keyword: string; readonly directive: Directive; readonly section: Section | undefined; readonly server: boolean; readonly span: Span }
  | { readonly kind: 'url'; readonly url: string; readonly span: Span }
  | { readonly kind: 'map-line'; readonly entry: MapEntry; readonly span: Span };

const within = (s: Span | undefined, o: number): s is Span => s !== undefined && o >= s.start && o <= s.end;

const sectionCache = new WeakMap<HaproxyConfig, { readonly byLine: Map<number, Directive>; readonly sectionOf: Map<Directive, Section> }>();

/** Directive by line and owning section of each directive, computed once per config model. */
function indexOf(config: HaproxyConfig): { readonly byLine: Map<number, Directive>; readonly sectionOf: Map<Directive, Section> } {
  let idx = sectionCache.get(config);
  if (!idx) {
    const byLine = new Map(config.directives.map((d) => [lineOf(config.file, d.span.start), d]));
    const sectionOf = new Map<Directive, Section>();
    for (const s of config.sections) {
      sectionOf.set(s.header, s);
      s.directives.forEach((d) => sectionOf.set(d, s));
    }
    idx = { byLine, sectionOf };
    sectionCache.set(config, idx);
  }
  return idx;
}

/** The directive on 0-based `line` and the section holding it. */
export function directiveAt(config: HaproxyConfig, line: number): { directive: Directive | undefined; section: Section | undefined } {
  const idx = indexOf(config);
  const directive = idx.byLine.get(line);
  return { directive, section: directive ? idx.sectionOf.get(directive) : undefined };
}

/** The proxy (frontend/backend/listen) a section is, if it is one. */
export function proxyOf(config: HaproxyConfig, section: Section | undefined): Proxy | undefined {
  return section ? config.proxies.find((p) => p.header === section.header) : undefined;
}

/** ACL names a condition word refers to: `name` or `!name`, outside `{ }` blocks. */
export function aclReferences(d: Directive): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  const start = d.args.findIndex((w) => w.value === 'if' || w.value === 'unless');
  if (start < 0 || d.keyword === 'acl') {
    return out;
  }
  let depth = 0;
  for (const w of d.args.slice(start + 1)) {
    if (w.value === '{') {
      depth++;
    } else if (w.value === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && !['or', '||', '!'].includes(w.value)) {
      const bang = w.value.startsWith('!') ? 1 : 0;
      out.push({ name: w.value.slice(bang), span: { start: w.span.start + bang, end: w.span.end } });
    }
  }
  return out;
}

/** What the cursor at position `at` of a config points at, most specific first. */
export function locateInConfig(config: HaproxyConfig, at: number, line: number): Target | undefined {
  const { directive: d, section } = directiveAt(config, line);
  const proxy = proxyOf(config, section);
  const url = findUrlAt(config.file, at);
  if (!d) {
    return url && { kind: 'url', ...url };
  }
  if (section && d === section.header) {
    if (proxy && (proxy.kind === 'backend' || proxy.kind === 'listen') && proxy.name && within(section.nameSpan, at)) {
      return { kind: 'backend-def', name: proxy.name, span: section.nameSpan, proxy };
    }
  }
  const ref = config.mapReferences.find((r) => r.directive === d && within(r.pathSpan, at));
  if (ref) {
    return { kind: 'map-path', ref, span: ref.pathSpan };
  }
  const dflt = config.mapReferences.find((r) => r.directive === d && r.selectsBackend && r.defaultValue !== undefined && within(r.defaultSpan, at));
  if (dflt?.defaultSpan && dflt.defaultValue !== undefined) {
    return { kind: 'backend-ref', name: dflt.defaultValue, span: dflt.defaultSpan };
  }
  if (url) {
    return { kind: 'url', ...url };
  }
  for (const p of proxy ? [proxy] : []) {
    const rule = p.useBackends.find((r) => r.directive === d && r.target.kind === 'static' && within(r.target.span, at));
    if (rule?.target.kind === 'static') {
      return { kind: 'backend-ref', name: rule.target.name, span: rule.target.span };
    }
    const dflt = p.settings.defaultBackend;
    if (dflt?.directive === d && within(dflt.span, at)) {
      return { kind: 'backend-ref', name: dflt.name, span: dflt.span };
    }
    const acl = p.acls.find((a) => a.directive === d && within(a.nameSpan, at));
    if (acl) {
      return { kind: 'acl-def', name: acl.name, span: acl.nameSpan, proxy: p };
    }
    const aclRef = aclReferences(d).find((r) => within(r.span, at) && p.acls.some((a) => a.name === r.name));
    if (aclRef) {
      return { kind: 'acl-ref', ...aclRef, proxy: p };
    }
  }
  const server = proxy?.servers.find((s) => s.directive === d);
  if (server && within(server.nameSpan, at)) {
    return { kind: 'server', server, proxy: proxy as Proxy, span: server.nameSpan };
  }
  if (within(d.keywordSpan, at)) {
    return { kind: 'keyword', keyword: d.keyword, directive: d, section, server: false, span: d.keywordSpan };
  }
  const word = d.args.find((w) => within(w.span, at));
  if (word && (d.keyword === 'server' || d.keyword === 'default-server' || d.keyword === 'server-template')) {
    return { kind: 'keyword', keyword: word.value, directive: d, section, server: true, span: word.span };
  }
  if (d.keyword === 'option' && word === d.args[0] && word) {
    return { kind: 'keyword', keyword: `option ${word.value}`, directive: d, section, server: false, span: word.span };
  }
  return server ? { kind: 'server', server, proxy: proxy as Proxy, span: d.span } : undefined;
}

/** What the cursor at position `at` of a map file points at: a value (backend name), a URL or the line. */
export function locateInMap(map: MapFile, at: number, line: number): Target | undefined {
  const url = findUrlAt(map.file, at);
  const entry = map.entries.find((e) => e.line === line);
  if (url && (!entry || !within(entry.valueSpan, at))) {
    return { kind: 'url', ...url };
  }
  if (!entry) {
    return undefined;
  }
  if (within(entry.valueSpan, at) && entry.value !== '' && !/\s/.test(entry.value)) {
    return { kind: 'backend-ref', name: entry.value, span: entry.valueSpan };
  }
  return { kind: 'map-line', entry, span: entry.span };
}
