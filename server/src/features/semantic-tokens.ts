/* Semantic highlighting of backend names: declarations, use_backend/default_backend targets, map values. */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { collectBackendNameUses, positionAt, type SourceFile, type Span } from '../engine';
import type { DocumentView } from './project';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: ['class'], tokenModifiers: ['declaration'] };

const CLASS = 0;
const DECLARATION = 1;

/** LSP's relative encoding of single-line tokens, sorted by position. */
function encode(file: SourceFile, tokens: { span: Span; modifiers: number }[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  const sorted = [...tokens].sort((a, b) => a.span.start - b.span.start);
  let lastEnd = -1;
  for (const t of sorted) {
    const start = positionAt(file, t.span.start);
    const end = positionAt(file, t.span.end);
    if (t.span.start < lastEnd || end.line !== start.line || t.span.end <= t.span.start) {
      continue;
    }
    lastEnd = t.span.end;
    data.push(start.line - line, start.line === line ? start.character - char : start.character, t.span.end - t.span.start, CLASS, t.modifiers);
    line = start.line;
    char = start.character;
  }
  return { data };
}

export function provideSemanticTokens(view: DocumentView): SemanticTokens {
  if (view.kind === 'config') {
    const { config } = view.doc.loaded;
    const decls = [...config.backendsByName.values()].flatMap((p) => (p.nameSpan ? [{ span: p.nameSpan, modifiers: DECLARATION }] : []));
    const refs = collectBackendNameUses(view.doc.loaded).filter((u) => u.file === config.file.path).map((u) => ({ span: u.span, modifiers: 0 }));
    return encode(config.file, [...decls, ...refs]);
  }
  if (!view.map) {
    return { data: [] };
  }
  const spans = new Map<number, Span>();
  for (const use of view.uses) {
    for (const u of collectBackendNameUses(use.doc.loaded)) {
      if (u.file === view.path) {
        spans.set(u.span.start, u.span);
      }
    }
  }
  return encode(view.map.file, [...spans.values()].map((span) => ({ span, modifiers: 0 })));
}
