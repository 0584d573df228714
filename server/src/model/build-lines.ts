import type { Issue } from '../analysis/issue';
import { missingFinalNewline } from '../parser/parse-config';
import type { EnvLookup, EnvReference } from '../parser/words';
import { templatesOfLines, type LineTemplate, type LineTemplateCache, type PreviousLines, type WordTemplate } from './line-templates';
import { issueAtPositions } from './issue-positions';
import { createSourceFile, reindexSourceFile, type SourceFile } from './source-file';
import { MAX_LINE_KEY } from './span';
import { replaceRange } from './build-memo';
import { commonPrefixLength, commonSuffixLength } from './text-ends';
import { packPosition, type Span } from './span';
import type { Directive, Word } from './types';

/**
 * One line of haproxy.cfg as words: what the rest of the model builder
 * reads. Made from the line's template and key; its spans are worked out
 * when asked, as the words' are (see LineWord).
 */
export class ConfigLine {
  /**
   * What build-directives.ts made of this line outside `.if` blocks. It
   * depends on the line object alone, so it is kept here: a line that
   * survives an edit yields the same directive object.
   */
  plain: { readonly directive: Directive; readonly issues: readonly Issue[] } | undefined = undefined;

  constructor(
    readonly template: LineTemplate,
    readonly key: number,
    readonly words: readonly Word[],
  ) {}

  /** The line's content, from its first token to its last (no line break). */
  get span(): Span {
    return { start: packPosition(this.key, this.template.start), end: packPosition(this.key, this.template.end) };
  }

  get comment(): { readonly text: string; readonly span: Span } | undefined {
    const c = this.template.comment;
    return c ? { text: c.text, span: { start: packPosition(this.key, c.start), end: packPosition(this.key, c.end) } } : undefined;
  }
}

/** The lines of a config and the file index they were read with. */
export interface ReadLines {
  readonly file: SourceFile;
  /** By line number: the line's words, undefined for a blank line. */
  readonly byLine: readonly (ConfigLine | undefined)[];
  /** By line number: the template the line was made from. */
  readonly templates: readonly (LineTemplate | undefined)[];
  /**
   * When only some lines were read again: lines `from` to `to` (exclusive)
   * are new, and replace lines of the build of `since` (the previous
   * version of the file); every other line is the object that
   * build made, with the same key. Every position of the old and new
   * changed lines has a line key from `fromKey` up to, not including,
   * `toKey`; no other line has such a key.
   */
  readonly changed: LineChange | undefined;
}

export interface LineChange {
  readonly from: number;
  readonly to: number;
  readonly since: SourceFile;
  readonly fromKey: number;
  readonly toKey: number;
}

/** Above this many changed lines a whole-file parse is cheaper than line by line. */
const WHOLE_FILE_THRESHOLD = 64;

/**
 * Reads a config into lines of words. The whole file goes through the
 * Chevrotain grammar on a first build; a later build with the same cache
 * tokenizes only the lines between the first and last change and reuses
 * the lines before and after them as they are: they keep their line keys
 * (positions are line key and column, see span.ts) even when lines were
 * added or removed above them.
 * This module (through line-templates.ts) and build-map.ts are the only
 * readers of the grammars' output.
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
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < read.byLine.length; at++) {
    const line = read.byLine[at] as ConfigLine | undefined;
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
      pushProblems(t, read.file.lineKeys[i] as number, read.file.path, issues);
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
  const { file, head, tail, renumbered } = reindexSourceFile(previous.file, text, prefix, suffix);
  const starts = file.lineStarts;
  const changedEnd = tail?.newLine ?? starts.length;
  const oldChangedEnd = tail ? tail.newLine - tail.lineShift : previous.templates.length;
  // Quick fixes that add lines use the file's line break: when it changes, nothing built before may be reused.
  if (renumbered || changedEnd - head > WHOLE_FILE_THRESHOLD || file.lineBreak !== previous.file.lineBreak) {
    return undefined;
  }
  const changedTexts: string[] = [];
  for (let i = head; i < changedEnd; i++) {
    const base = starts[i] as number;
    // A copy, not a slice: a slice would keep this whole version of the text alive as long as the template.
    changedTexts.push(detached(text.slice(base, lineContentEnd(text, starts[i + 1] ?? text.length))));
  }
  const newTemplates = templatesOfLines(changedTexts, env);
  const newLines = newTemplates.map((t, j) => t && instantiate(t, file.lineKeys[head + j] as number));
  // The lines around keep their keys, so they are the previous objects even when lines were added or removed above.
  const templates = replaceRange(previous.templates, head, oldChangedEnd, newTemplates);
  const byLine = replaceRange(previous.lines, head, oldChangedEnd, newLines);
  const keyBefore = head > 0 ? (file.lineKeys[head - 1] as number) : -1;
  const toKey = tail ? (file.lineKeys[changedEnd] as number) : MAX_LINE_KEY + 1;
  return {
    file,
    templates,
    byLine,
    changed: { from: head, to: changedEnd, since: previous.file, fromKey: keyBefore + 1, toKey },
  };
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
  const { text, lineStarts: starts } = file;
  // Identical lines (there are thousands of `balance roundrobin`) go through the grammar once and share one template.
  const distinct = new Map<string, number>();
  const distinctTexts: string[] = [];
  const distinctOfLine = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const lineText = text.slice(starts[i] as number, lineContentEnd(text, starts[i + 1] ?? text.length));
    let d = distinct.get(lineText);
    if (d === undefined) {
      d = distinctTexts.length;
      distinct.set(lineText, d);
      distinctTexts.push(lineText);
    }
    distinctOfLine[i] = d;
  }
  const distinctTemplates = templatesOfLines(distinctTexts, env);
  const templates: (LineTemplate | undefined)[] = new Array<LineTemplate | undefined>(starts.length);
  const byLine: (ConfigLine | undefined)[] = new Array<ConfigLine | undefined>(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const t = distinctTemplates[distinctOfLine[i] as number];
    templates[i] = t;
    byLine[i] = t && instantiate(t, file.lineKeys[i] as number);
  }
  return { file, templates, byLine, changed: undefined };
}

function pushProblems(t: LineTemplate, key: number, file: string, issues: Issue[]): void {
  for (const p of t.problems) {
    issues.push({ code: p.code, severity: p.severity, message: p.message, file, span: { start: packPosition(key, p.start), end: packPosition(key, p.end) } });
  }
}

/** The line object of a template on the line whose key is `key`. */
function instantiate(t: LineTemplate, key: number): ConfigLine {
  // packPosition clamps a column past the longest a position holds, so a huge line never spills onto the next.
  const words: Word[] = new Array<Word>(t.words.length);
  for (let i = 0; i < t.words.length; i++) {
    words[i] = new LineWord(t.words[i] as WordTemplate, key);
  }
  return new ConfigLine(t, key, words);
}

/**
 * What stands for the text of the line a directive was read from: the
 * template of its first word, made once per line text and shared by every
 * line with that text. Undefined for a directive not read from a line.
 */
export function lineTextOf(d: Directive): object | undefined {
  const first = d.words[0];
  return first instanceof LineWord ? first.template : undefined;
}

/**
 * A word of a line: its text and offsets come from the line's template, its
 * positions from the line's key. The positions are worked out when asked: a
 * 14,000-line config has 74,000 words, and a span made up front cost each of
 * them three more objects (the span and two boxed numbers, positions being
 * too large for small integers) for the garbage collector to copy while the
 * first open builds the model. `toEqual` compares the key and the
 * template, which hold everything the span is made of; JSON shows the word
 * as a plain `Word`.
 */
class LineWord implements Word {
  readonly raw: string;
  readonly value: string;

  constructor(
    readonly template: WordTemplate,
    readonly lineKey: number,
  ) {
    this.raw = template.raw;
    this.value = template.value;
  }

  get span(): Span {
    return { start: packPosition(this.lineKey, this.template.start), end: packPosition(this.lineKey, this.template.end) };
  }

  get rawOffsets(): readonly number[] | undefined {
    return this.template.rawOffsets;
  }

  /** Serialises as the plain word it stands for, positions included. */
  toJSON(): Word {
    return { raw: this.raw, value: this.value, span: this.span, rawOffsets: this.rawOffsets, envRefs: this.envRefs };
  }

  get envRefs(): readonly EnvReference[] {
    const refs = this.template.envRefs;
    const start = this.template.start;
    return refs.length === 0 ? refs : refs.map((r) => ({ ...r, span: { start: packPosition(this.lineKey, start + r.span.start), end: packPosition(this.lineKey, start + r.span.end) } }));
  }
}
