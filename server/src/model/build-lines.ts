import type { Issue } from '../analysis/issue';
import { missingFinalNewline, parseConfig } from '../parser/parse-config';
import type { EnvLookup } from '../parser/words';
import { templateOfLineText, templateOfStatement, type LineTemplate, type LineTemplateCache, type PreviousLines } from './line-templates';
import { issueAtPositions } from './issue-positions';
import { createSourceFile, lineOfOffset, reindexSourceFile, type SourceFile } from './source-file';
import { commonPrefixLength, commonSuffixLength } from './text-ends';
import { packPosition, type Span } from './span';
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

/** Above this many changed lines a whole-file parse is cheaper than line by line. */
const WHOLE_FILE_THRESHOLD = 64;

/** The lines of a config and the file index they were read with. */
export interface ReadLines {
  readonly file: SourceFile;
  readonly lines: ConfigLine[];
}

/**
 * Reads a config into lines of words. The whole file goes through the
 * Chevrotain grammar on a first build; a later build with the same cache
 * tokenizes only the lines between the first and last change and reuses
 * the lines before and after them: the same objects while they keep their
 * line numbers (positions are line and column, see span.ts), new objects
 * from the same templates when lines were added or removed above them. This module and
 * build-map.ts (through line-templates.ts) are the only readers of
 * Chevrotain's CST.
 */
export function readConfigLines(path: string, text: string, cache: LineTemplateCache, issues: Issue[]): ReadLines {
  const previous = cache.previous;
  const templates: (LineTemplate | undefined)[] = [];
  const objects: (ConfigLine | undefined)[] = [];
  let file: SourceFile | undefined;
  if (previous && previous.file.path === path) {
    file = readChangedLines(previous, text, cache.env, templates, objects);
  }
  if (!file) {
    file = createSourceFile(path, text);
    readWholeFile(file, cache.env, templates, objects, issues);
  }
  const missing = missingFinalNewline(text, path);
  if (missing) {
    issues.push(issueAtPositions(file, missing));
  }
  const lines: ConfigLine[] = [];
  for (let i = 0; i < objects.length; i++) {
    const line = objects[i];
    if (line) {
      pushProblems(templates[i] as LineTemplate, packPosition(i, 0), path, issues);
      lines.push(line);
    }
  }
  cache.previous = { file, templates, lines: objects };
  return { file, lines };
}

/**
 * Fills `templates` and `objects` from the previous build and the changed
 * lines; undefined, with nothing filled, when the whole file must be read.
 */
function readChangedLines(previous: PreviousLines, text: string, env: EnvLookup, templates: (LineTemplate | undefined)[], objects: (ConfigLine | undefined)[]): SourceFile | undefined {
  const before = previous.file.text;
  const prefix = commonPrefixLength(before, text);
  const suffix = commonSuffixLength(before, text, Math.min(before.length, text.length) - prefix);
  const { file, head, tail } = reindexSourceFile(previous.file, text, prefix, suffix);
  const starts = file.lineStarts;
  const changedEnd = tail?.newLine ?? starts.length;
  // Quick fixes that add lines use the file's line break: when it changes, nothing built before may be reused.
  if (changedEnd - head > WHOLE_FILE_THRESHOLD || file.lineBreak !== previous.file.lineBreak) {
    return undefined;
  }
  for (let i = 0; i < head; i++) {
    templates.push(previous.templates[i]);
    objects.push(previous.lines[i]);
  }
  for (let i = head; i < changedEnd; i++) {
    const base = starts[i] as number;
    // A copy, not a slice: a slice would keep this whole version of the text alive as long as the template.
    const t = templateOfLineText(detached(text.slice(base, lineContentEnd(text, starts[i + 1] ?? text.length))), env);
    templates.push(t);
    objects.push(t && instantiate(t, i));
  }
  if (tail) {
    // Typing in a line moves no other line; adding or removing lines renumbers the lines below.
    const sameLines = tail.lineShift === 0;
    for (let i = tail.newLine; i < starts.length; i++) {
      const t = previous.templates[i - tail.lineShift];
      templates.push(t);
      objects.push(sameLines ? previous.lines[i] : t && instantiate(t, i));
    }
  }
  return file;
}

/** A fresh copy of `s` (V8 copies slices shorter than 13 characters anyway). */
function detached(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
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

function readWholeFile(file: SourceFile, env: EnvLookup, templates: (LineTemplate | undefined)[], objects: (ConfigLine | undefined)[], issues: Issue[]): void {
  const parsed = parseConfig(file.text, file.path);
  const byLine = new Map<number, Issue[]>();
  for (const i of parsed.syntaxIssues) {
    if (i.code !== 'syntax/missing-final-newline') {
      const n = lineOfOffset(file, i.span.start);
      byLine.set(n, [...(byLine.get(n) ?? []), i]);
    }
  }
  // Identical lines (there are thousands of `balance roundrobin`) share one template.
  const byText = new Map<string, LineTemplate>();
  templates.length = file.lineStarts.length;
  for (const lineNode of parsed.cst.children.line ?? []) {
    for (const statement of lineNode.children.statement ?? []) {
      const firstToken = [statement.children.Word, statement.children.Comment, statement.children.UnclosedQuote, statement.children.BadCharacter]
        .flatMap((ts) => ts?.[0] ?? [])
        .sort((a, b) => a.startOffset - b.startOffset)[0];
      if (!firstToken) {
        continue;
      }
      const n = lineOfOffset(file, firstToken.startOffset);
      const base = file.lineStarts[n] as number;
      const key = file.text.slice(base, lineContentEnd(file.text, file.lineStarts[n + 1] ?? file.text.length));
      const shared = byText.get(key);
      const t = shared ?? templateOfStatement(statement, base, env, byLine.get(n) ?? []);
      if (!shared && t) {
        byText.set(key, t);
      }
      templates[n] = t;
    }
  }
  for (let i = 0; i < templates.length; i++) {
    const t = templates[i];
    objects.push(t && instantiate(t, i));
  }
}

function pushProblems(t: LineTemplate, base: number, file: string, issues: Issue[]): void {
  for (const p of t.problems) {
    issues.push({ code: p.code, severity: p.severity, message: p.message, file, span: { start: base + p.start, end: base + p.end } });
  }
}

function instantiate(t: LineTemplate, line: number): ConfigLine {
  const base = packPosition(line, 0);
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
