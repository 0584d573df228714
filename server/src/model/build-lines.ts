import type { Issue } from '../analysis/issue';
import { missingFinalNewline, parseConfig } from '../parser/parse-config';
import { LineTemplateCache, templateOfStatement, type LineTemplate } from './line-templates';
import type { SourceFile } from './source-file';
import { lineOf } from './source-file';
import type { Span } from './span';
import type { Word } from './types';

/** One line of haproxy.cfg as words: what the rest of the model builder reads. */
export interface ConfigLine {
  /** 0-based line number. */
  readonly line: number;
  readonly words: readonly Word[];
  readonly comment: { readonly text: string; readonly span: Span } | undefined;
  /** The line's content, from its first token to its last (no line break). */
  readonly span: Span;
  /** True when a token HAProxy cannot read (unclosed quote, NUL) is on the line. */
  readonly broken: boolean;
}

/** Above this many unknown lines a whole-file parse is cheaper than line by line. */
const WHOLE_FILE_THRESHOLD = 64;

/**
 * Reads a config into lines of words. The whole file goes through the
 * Chevrotain grammar on a first build; later builds with the same cache parse
 * only the lines whose text is new. This module and build-map.ts (through
 * line-templates.ts) are the only readers of Chevrotain's CST.
 */
export function readConfigLines(file: SourceFile, cache: LineTemplateCache, issues: Issue[]): ConfigLine[] {
  const text = file.text;
  const starts = file.lineStarts;
  const lineText = (i: number): string => text.slice(starts[i] as number, lineContentEnd(text, starts[i + 1] ?? text.length));
  let unknown = 0;
  for (let i = 0; i < starts.length && unknown <= WHOLE_FILE_THRESHOLD; i++) {
    if (!cache.has(lineText(i))) {
      unknown++;
    }
  }
  if (unknown > WHOLE_FILE_THRESHOLD) {
    fillFromWholeFile(file, cache, issues);
  } else {
    const missing = missingFinalNewline(text, file.path);
    if (missing) {
      issues.push(missing);
    }
  }
  const lines: ConfigLine[] = [];
  for (let i = 0; i < starts.length; i++) {
    const t = cache.lookup(lineText(i));
    if (t) {
      const base = starts[i] as number;
      const line = cache.instance(t, base, i, () => instantiate(t, base, i));
      pushProblems(t, base, file.path, issues);
      lines.push(line);
    }
  }
  cache.commit();
  return lines;
}

/** End of a line's content: before its CR/LF. */
function lineContentEnd(text: string, nextStart: number): number {
  let end = nextStart;
  if (end > 0 && text.charCodeAt(end - 1) === 10) {
    end--;
  }
  if (end > 0 && text.charCodeAt(end - 1) === 13) {
    end--;
  }
  return end;
}

function fillFromWholeFile(file: SourceFile, cache: LineTemplateCache, issues: Issue[]): void {
  const parsed = parseConfig(file.text, file.path);
  const byLine = new Map<number, Issue[]>();
  for (const i of parsed.syntaxIssues) {
    if (i.code === 'syntax/missing-final-newline') {
      issues.push(i);
      continue;
    }
    const n = lineOf(file, i.span.start);
    byLine.set(n, [...(byLine.get(n) ?? []), i]);
  }
  for (const lineNode of parsed.cst.children.line ?? []) {
    for (const statement of lineNode.children.statement ?? []) {
      const firstToken = [statement.children.Word, statement.children.Comment, statement.children.UnclosedQuote, statement.children.BadCharacter]
        .flatMap((ts) => ts?.[0] ?? [])
        .sort((a, b) => a.startOffset - b.startOffset)[0];
      if (!firstToken) {
        continue;
      }
      const n = lineOf(file, firstToken.startOffset);
      const base = file.lineStarts[n] as number;
      const key = file.text.slice(base, lineContentEnd(file.text, file.lineStarts[n + 1] ?? file.text.length));
      if (!cache.has(key)) {
        cache.store(key, templateOfStatement(statement, base, cache.env, byLine.get(n) ?? []));
      }
    }
  }
}

function pushProblems(t: LineTemplate, base: number, file: string, issues: Issue[]): void {
  for (const p of t.problems) {
    issues.push({ code: p.code, severity: p.severity, message: p.message, file, span: { start: base + p.start, end: base + p.end } });
  }
}

function instantiate(t: LineTemplate, base: number, line: number): ConfigLine {
  const words: Word[] = t.words.map((w) => ({
    raw: w.raw,
    value: w.value,
    span: { start: base + w.start, end: base + w.end },
    rawOffsets: w.rawOffsets,
    envRefs: w.envRefs.length ? w.envRefs.map((r) => ({ ...r, span: { start: base + w.start + r.span.start, end: base + w.start + r.span.end } })) : w.envRefs,
  }));
  return {
    line,
    words,
    comment: t.comment ? { text: t.comment.text, span: { start: base + t.comment.start, end: base + t.comment.end } } : undefined,
    span: { start: base + t.start, end: base + t.end },
    broken: t.broken,
  };
}
