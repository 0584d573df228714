import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import { lineOf, type HaproxyConfig, type Proxy, type Section, type SectionKind } from '../engine';
import { toRange } from './convert';
import type { DocumentView } from './project';

const KIND: Partial<Record<SectionKind, SymbolKind>> = {
  global: SymbolKind.Namespace,
  defaults: SymbolKind.Namespace,
  frontend: SymbolKind.Interface,
  backend: SymbolKind.Class,
  listen: SymbolKind.Class,
  resolvers: SymbolKind.Module,
};

function children(config: HaproxyConfig, proxy: Proxy | undefined): DocumentSymbol[] {
  if (!proxy) {
    return [];
  }
  const f = config.file;
  const servers = proxy.servers.flatMap((s) => (s.name && s.nameSpan ? [{ name: s.name, detail: `weight ${s.settings.weight}${s.settings.backup ? ' backup' : ''}`, kind: SymbolKind.Field, range: toRange(f, s.directive.span), selectionRange: toRange(f, s.nameSpan) }] : []));
  const acls = proxy.acls.map((a) => ({ name: a.name, detail: 'acl', kind: SymbolKind.Variable, range: toRange(f, a.directive.span), selectionRange: toRange(f, a.nameSpan) }));
  const rules = proxy.useBackends.map((r) => ({ name: `use_backend ${r.target.kind === 'static' ? r.target.name : r.target.format.text}`, kind: SymbolKind.Event, range: toRange(f, r.directive.span), selectionRange: toRange(f, r.target.span) }));
  return [...servers, ...acls, ...rules].sort((a, b) => a.range.start.line - b.range.start.line);
}

function sectionSymbol(config: HaproxyConfig, s: Section): DocumentSymbol {
  const f = config.file;
  return {
    name: s.name ? `${s.kind} ${s.name}` : s.kind,
    kind: KIND[s.kind] ?? SymbolKind.Namespace,
    range: toRange(f, s.span),
    selectionRange: toRange(f, s.nameSpan ?? s.header.keywordSpan),
    children: children(config, config.proxies.find((p) => p.header === s.header)),
  };
}

/** Outline: sections with their servers, ACLs and use_backend rules; map lines for map files. */
export function provideDocumentSymbols(view: DocumentView): DocumentSymbol[] {
  if (view.kind === 'config') {
    return view.doc.loaded.config.sections.map((s) => sectionSymbol(view.doc.loaded.config, s));
  }
  const map = view.map;
  return map ? map.entries.map((e) => ({ name: e.key, detail: e.value, kind: SymbolKind.Constant, range: toRange(map.file, e.span), selectionRange: toRange(map.file, e.keySpan) })) : [];
}

/** Folding: each section, and each `.if` … `.endif` block. */
export function provideFoldingRanges(view: DocumentView): FoldingRange[] {
  if (view.kind !== 'config') {
    return [];
  }
  const config = view.doc.loaded.config;
  const sections = config.sections.map((s) => ({ startLine: lineOf(config.file, s.header.span.start), endLine: toRange(config.file, s.span).end.line }));
  const blocks = config.conditionals.flatMap((c) => (c.end !== undefined ? [{ startLine: lineOf(config.file, c.start.start), endLine: lineOf(config.file, c.end.start) }] : []));
  return [...sections, ...blocks].filter((r) => r.endLine > r.startLine);
}
