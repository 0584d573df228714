/*
 * Completion from the keyword catalogue: section keywords, directives allowed
 * in the current section, options and timeouts (those three as documented for
 * the version in haproxy.version), server settings, backend names, and
 * sample fetches/converters inside `%[ ]`.
 */
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { documentedIn, GLOBAL_KEYWORDS, positionAtLine, PROXY_KEYWORDS, PROXY_OPTIONS, SERVER_SETTING_ARITY, spanText, TIMEOUT_NAMES, type SourceFile } from '../engine';
import type { HaproxyConfig, SectionKind } from '../engine';
import { toPosition } from './convert';
import { PROXY_KEYWORD_DOCS, SERVER_KEYWORD_DOCS } from './keyword-docs';
import type { DocumentView } from './project';
import { SAMPLE_CONVERTERS, SAMPLE_FETCHES } from './sample-functions';

const SECTION_KEYWORDS = ['global', 'defaults', 'frontend', 'backend', 'listen', 'resolvers', 'userlist', 'peers', 'mailers', 'program', 'cache', 'http-errors', 'ring'];
const LETTER: Partial<Record<SectionKind, string>> = { defaults: 'd', frontend: 'f', listen: 'l', backend: 'b' };

const items = (names: Iterable<string>, kind: CompletionItemKind, docs?: Readonly<Record<string, { summary: string }>>): CompletionItem[] =>
  [...names].map((label) => ({ label, kind, ...(docs?.[label] ? { detail: docs[label].summary } : {}) }));

function sectionAt(config: HaproxyConfig, line: number): SectionKind | undefined {
  const lineStart = positionAtLine(config.file, line);
  let kind: SectionKind | undefined;
  for (const s of config.sections) {
    if (s.header.span.start < lineStart) {
      kind = s.kind;
    }
  }
  return kind;
}

/** Keywords of the section at hand that the documentation of HAProxy `version` lists (haproxy.version). */
function directivesFor(kind: SectionKind | undefined, version: string): CompletionItem[] {
  if (kind === 'global') {
    return items([...GLOBAL_KEYWORDS].filter((k) => documentedIn('global', k, version)), CompletionItemKind.Keyword);
  }
  const letter = kind ? LETTER[kind] : undefined;
  if (!letter) {
    return [];
  }
  const keywords = Object.keys(PROXY_KEYWORDS).filter((k) => PROXY_KEYWORDS[k]?.includes(letter) && documentedIn('proxy', k, version));
  return items(keywords, CompletionItemKind.Keyword, PROXY_KEYWORD_DOCS);
}

/** Completion inside an open `%[`: a fetch right after `%[`, a converter after a comma. */
function sampleItems(before: string): CompletionItem[] | undefined {
  const open = before.lastIndexOf('%[');
  if (open < 0 || before.indexOf(']', open) >= 0) {
    return undefined;
  }
  const inside = before.slice(open + 2);
  const depth = [...inside].reduce((d, c) => d + (c === '(' ? 1 : c === ')' ? -1 : 0), 0);
  if (depth > 0) {
    return [];
  }
  return /,[\w.-]*$/.test(inside) ? items(SAMPLE_CONVERTERS, CompletionItemKind.Function) : items(SAMPLE_FETCHES, CompletionItemKind.Function);
}

function backendItems(names: Iterable<string>): CompletionItem[] {
  return items(new Set(names), CompletionItemKind.Class);
}

/** Completion items at `position`; an empty list where nothing applies. */
export function provideCompletion(view: DocumentView, position: Position): CompletionItem[] {
  if (view.kind === 'map') {
    const entry = view.map?.entries.find((e) => e.line === position.line);
    const before = view.map ? textBefore(view.map.file, position) : '';
    const inValue = entry ? toPosition((view.map as NonNullable<typeof view.map>).file, position) > entry.keySpan.end : /\S\s+\S*$/.test(before);
    return inValue ? backendItems(view.uses.flatMap((u) => [...u.doc.loaded.config.backendsByName.keys()])) : [];
  }
  const config = view.doc.loaded.config;
  const before = textBefore(config.file, position);
  const sample = sampleItems(before);
  if (sample) {
    return sample;
  }
  const words = before.trimStart().split(/\s+/);
  const typing = words.length <= 1;
  if (typing) {
    const section = /^\s/.test(before) ? sectionAt(config, position.line) : undefined;
    return [...items(SECTION_KEYWORDS, CompletionItemKind.Module), ...directivesFor(section, view.settings.version)];
  }
  const keyword = words[0];
  if ((keyword === 'use_backend' || keyword === 'default_backend') && words.length === 2) {
    return backendItems(config.backendsByName.keys());
  }
  if (keyword === 'option' && words.length === 2) {
    return items(Object.keys(PROXY_OPTIONS).filter((o) => documentedIn('option', o, view.settings.version)), CompletionItemKind.Property);
  }
  if (keyword === 'timeout' && words.length === 2) {
    return items([...TIMEOUT_NAMES].filter((t) => documentedIn('timeout', t, view.settings.version)), CompletionItemKind.Property);
  }
  if ((keyword === 'server' || keyword === 'default-server' || keyword === 'server-template') && words.length >= (keyword === 'default-server' ? 2 : 4)) {
    return items(SERVER_SETTING_ARITY.keys(), CompletionItemKind.Property, SERVER_KEYWORD_DOCS);
  }
  return [];
}

/** The text of the cursor's line before the cursor. */
function textBefore(file: SourceFile, position: Position): string {
  return spanText(file, { start: positionAtLine(file, position.line), end: toPosition(file, position) });
}
