import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { toPosition, toRange } from './convert';
import { aclHover, backendHover, mapPathHover, serverHover } from './hover-model';
import { keywordHover } from './hover-keyword';
import { mapLineHover } from './hover-map-line';
import { locateInConfig, locateInMap, type Target } from './locate';
import type { DocumentView } from './project';
import { renderSimulation } from './render-route';
import { targetRegExp } from './render-split';
import { simulateUrl, type SimulatedPair } from './simulate-url';
import type { AnalyzedDocument } from '../document-cache';

function urlHover(url: string, docs: readonly AnalyzedDocument[], target: RegExp | undefined): string {
  const pairs: SimulatedPair[] = [];
  const notes = new Set<string>();
  for (const doc of docs) {
    const r = simulateUrl(doc, url, target);
    pairs.push(...r.pairs);
    r.unsupported.forEach((u) => notes.add(u));
  }
  return renderSimulation(url, pairs, [...notes], target, false);
}

function configMarkdown(view: Extract<DocumentView, { kind: 'config' }>, t: Target, target: RegExp | undefined): string | undefined {
  const config = view.doc.loaded.config;
  switch (t.kind) {
    case 'url':
      return urlHover(t.url, [view.doc], target);
    case 'server':
      return serverHover(t.server, t.proxy, target);
    case 'backend-def':
    case 'backend-ref':
      return backendHover(config.backendsByName.get(t.name), t.name, target);
    case 'acl-def':
    case 'acl-ref':
      return aclHover(t.name, t.proxy, config.file);
    case 'map-path':
      return mapPathHover(t.ref, view.doc);
    case 'keyword':
      return keywordHover(t.keyword, t.section, t.server);
    case 'map-line':
      return undefined;
  }
}

function mapMarkdown(view: Extract<DocumentView, { kind: 'map' }>, t: Target, target: RegExp | undefined): string | undefined {
  const map = view.map;
  if (!map) {
    return undefined;
  }
  if (t.kind === 'url') {
    return urlHover(t.url, view.uses.map((u) => u.doc), target);
  }
  const entry = map.entries.find((e) => e.span.start <= t.span.start && t.span.end <= e.span.end);
  return entry ? mapLineHover(map, entry, view.uses, target) : undefined;
}

/** Hover for the word under `position`: URL route, server share, backend split, map line, keyword doc. */
export function provideHover(view: DocumentView, position: Position): Hover | null {
  const target = targetRegExp(view.settings.ramp.targetPattern);
  if (view.kind === 'config') {
    const file = view.doc.loaded.config.file;
    const t = locateInConfig(view.doc.loaded.config, toPosition(file, position), position.line);
    const md = t && configMarkdown(view, t, target);
    return md ? { contents: { kind: MarkupKind.Markdown, value: md }, range: toRange(file, t.span) } : null;
  }
  if (!view.map) {
    return null;
  }
  const file = view.map.file;
  const t = locateInMap(view.map, toPosition(file, position), position.line);
  const md = t && mapMarkdown(view, t, target);
  return md ? { contents: { kind: MarkupKind.Markdown, value: md }, range: toRange(file, t.span) } : null;
}

