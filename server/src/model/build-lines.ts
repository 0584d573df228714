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

/** The lines of a config and the file index they were read with. */
export interface ReadLines {
  readonly file: SourceFile;
  /** By line number: the line's words, undefined for a blank line. */
  readonly byLine: readonly (ConfigLine | undefined)[];
  /** By line number: the template the line was made from. */
  readonly templates: readonly (LineTemplate | undefined)[];
  /**
   * When the edit kept the line count: the lines `from` to `to` (exclusive)
   * were read again, every other line is the object the build of `since`
   * (the previous version of the file) made.
   */
  readonly changed: { readonly from: number; readonly to: number; readonly since: SourceFile } | undefined;
}

/** Above this many changed lines a whole-file parse is cheaper than line by line. */
const WHOLE_FILE_THRESHOLD = 64;

/**
 * Reads a config into lines of words. The whole file goes through the
 * Chevrotain grammar on a first build; a later build with the same cache
 * tokenizes only the lines between the first and last change and reuses
 * the lines before and after them: the same objects while they keep their
 * line numbers (positions are line and column, see span.ts), new objects
 * from the same templates when lines were added or removed above them.
 * This module and build-map.ts (through line-templates.ts) are the only
 * readers of Chevrotain's CST.
 */
export function readConfigLines(path: string, text: string, cache: LineTemplateCache): ReadLines {
  const previous = cache.previous;
  const read = previous && previous.file.path === path ? readChangedLines(previous, text, cache.env) : undefined;
  const result = read ?? readWholeFile(createSourceFile(path, text), cache.env);
  cache.previous = { file: result.file, templates: result.templates, lines: result.byLine };
  return result;
}

/** The non-blank lines, in order. */
export function nonBlankLines(read: ReadLines): ConfigLine[] {
  const lines: ConfigLine[] = [];
  for (const line of read.byLine) {
    if (line) {
      lines.push(line);
    }
  }
  return lines;
}

/** What HAProxy reports while reading lines `from` to `to` (exclusive): tokens it cannot read, bad escapes. */
export function lineProblems(read: ReadLines, from = 0, to = read.byLine.length): Issue[] {
  const issues: Issue[] = [];
  for (let i = from; i < to; i++) {
    const t = read.templates[i];
    if (t && t.problems.length > 0) {
      pushProblems(t, i, read.file.path, issues);
    }
  }
  return issues;
}

/** The missing-final-line-break error of a text, if any. */
export function finalLineBreakIssue(file: SourceFile): Issue | undefined {
  const missing = missingFinalNewline(file.text, file.path);
  return missing && issueAtPositions(file, missing);
}

/**
 * The lines from the previous build and the changed lines; undefined when
 * the whole file must be read.
 */
function readChangedLines(previous: PreviousLines, text: string, env: EnvLookup): ReadLines | undefined {
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
  const fresh = (i: number): LineTemplate | undefined => {
    const base = starts[i] as number;
    // A copy, not a slice: a slice would keep this whole version of the text alive as long as the template.
    return templateOfLineText(detached(text.slice(base, lineContentEnd(text, starts[i + 1] ?? text.length))), env);
  };
  // Typing in a line moves no other line: the previous arrays, copied, with the changed lines replaced.
  if (starts.length === previous.templates.length && (tail === undefined || tail.lineShift === 0)) {
    const templates = previous.templates.slice();
    const byLine = previous.lines.slice();
    for (let i = head; i < changedEnd; i++) {
      const t = fresh(i);
      templates[i] = t;
      byLine[i] = t && instantiate(t, i);
    }
    return { file, templates, byLine, changed: { from: head, to: changedEnd, since: previous.file } };
  }
  const templates = previous.templates.slice(0, head);
  const byLine = previous.lines.slice(0, head);
  for (let i = head; i < changedEnd; i++) {
    const t = fresh(i);
    templates.push(t);
    byLine.push(t && instantiate(t, i));
  }
  if (tail) {
    // Lines added or removed above renumber the lines below: same templates, new objects.
    for (let i = tail.newLine; i < starts.length; i++) {
      const t = previous.templates[i - tail.lineShift];
      templates.push(t);
      byLine.push(t && instantiate(t, i));
    }
  }
  return { file, templates, byLine, changed: undefined };
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

function readWholeFile(file: SourceFile, env: EnvLookup): ReadLines {
  const templates: (LineTemplate | undefined)[] = [];
  const byLine: (ConfigLine | undefined)[] = [];
  const parsed = parseConfig(file.text, file.path);
  const issuesByLine = new Map<number, Issue[]>();
  for (const i of parsed.syntaxIssues) {
    if (i.code !== 'syntax/missing-final-newline') {
      const n = lineOfOffset(file, i.span.start);
      issuesByLine.set(n, [...(issuesByLine.get(n) ?? []), i]);
    }
  }
  // Identical lines (there are thousands of `balance roundrobin`) share one template.
  const byText = new Map<string, LineTemplate>();
  templates.length = file.lineStarts.length;
  for (const lineNode of parsed.cst.children.line ?? []) {
    for (const statement of lineNode.children.statement ?? []) {
      const firstToken = statement.children.LineToken?.[0] ?? statement.children.Comment?.[0];
      if (!firstToken) {
        continue;
      }
      const n = lineOfOffset(file, firstToken.startOffset);
      const base = file.lineStarts[n] as number;
      const key = file.text.slice(base, lineContentEnd(file.text, file.lineStarts[n + 1] ?? file.text.length));
      const shared = byText.get(key);
      const t = shared ?? templateOfStatement(statement, base, env, issuesByLine.get(n) ?? []);
      if (!shared && t) {
        byText.set(key, t);
      }
      templates[n] = t;
    }
  }
  for (let i = 0; i < templates.length; i++) {
    const t = templates[i];
    byLine.push(t && instantiate(t, i));
  }
  return { file, templates, byLine, changed: undefined };
}

function pushProblems(t: LineTemplate, line: number, file: string, issues: Issue[]): void {
  for (const p of t.problems) {
    issues.push({ code: p.code, severity: p.severity, message: p.message, file, span: { start: packPosition(line, p.start), end: packPosition(line, p.end) } });
  }
}

function instantiate(t: LineTemplate, line: number): ConfigLine {
  // packPosition clamps a column past the longest a position holds, so a huge line never spills onto the next.
  const at = (column: number): number => packPosition(line, column);
  const words: Word[] = t.words.map((w) => ({
    raw: w.raw,
    value: w.value,
    span: { start: at(w.start), end: at(w.end) },
    rawOffsets: w.rawOffsets,
    envRefs: w.envRefs.length ? w.envRefs.map((r) => ({ ...r, span: { start: at(w.start + r.span.start), end: at(w.start + r.span.end) } })) : w.envRefs,
  }));
  return {
    line,
    words,
    comment: t.comment ? { text: t.comment.text, span: { start: at(t.comment.start), end: at(t.comment.end) } } : undefined,
    span: { start: at(t.start), end: at(t.end) },
    broken: t.broken,
  };
}
