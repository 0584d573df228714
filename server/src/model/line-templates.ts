import type { IToken } from 'chevrotain';
import type { Issue, IssueCode, Severity } from '../analysis/issue';
import type { ConfigStatement } from '../parser/grammar';
import type { EnvReference } from '../parser/words';
import { parseConfig } from '../parser/parse-config';
import { Comment, Word } from '../parser/tokens';
import { isPlainWord, unescapeWord, type EnvLookup } from '../parser/words';
import { partitionPoint } from './partition-point';
import { plainLineTemplate } from './plain-line';
import { BuildMemo } from './build-memo';
import { endOfToken } from './span';
import type { ConfigLine } from './build-lines';
import type { SourceFile } from './source-file';

/*
 * A line's words with offsets relative to the start of the line. No token of
 * haproxy.cfg spans two lines, so a line's template depends on its text alone
 * and is reused wherever (and whenever) the same text appears: after an edit
 * only the changed lines are tokenized again.
 */

export interface WordTemplate {
  readonly raw: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly rawOffsets: readonly number[] | undefined;
  /** Spans relative to the word's start. */
  readonly envRefs: readonly EnvReference[];
}

export interface ProblemTemplate {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface LineTemplate {
  readonly words: readonly WordTemplate[];
  readonly comment: { readonly text: string; readonly start: number; readonly end: number } | undefined;
  /** Extent of the line's tokens (no line break). */
  readonly start: number;
  readonly end: number;
  readonly problems: readonly ProblemTemplate[];
  /** True when a word's value holds `%`: only then can the line hold a sample expression. */
  readonly percent: boolean;
}

const NO_REFS: readonly EnvReference[] = [];

/** Builds a template from one statement (a non-blank line's tokens) whose line starts at `base`. */
function templateOfStatement(statement: ConfigStatement, base: number, env: EnvLookup, lineIssues: readonly Issue[]): LineTemplate | undefined {
  const words: WordTemplate[] = [];
  const problems: ProblemTemplate[] = lineIssues.map((i) => ({ code: i.code, severity: i.severity, message: i.message, start: i.span.start - base, end: i.span.end - base }));
  let comment: LineTemplate['comment'];
  let first: IToken | undefined;
  let last: IToken | undefined;
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < statement.length; at++) {
    const t = statement[at] as IToken;
    if (t.isInsertedInRecovery === true) {
      continue;
    }
    first = first ?? t;
    last = t;
    if (t.tokenType === Comment) {
      comment = { text: t.image, start: t.startOffset - base, end: endOfToken(t) - base };
    } else if (t.tokenType === Word) {
      // Tokens HAProxy refuses (an unclosed quote, NUL) are not words: their problems are reported, and the line keeps its other words.
      words.push(wordTemplate(t, t.startOffset - base, env, problems));
    }
  }
  if (!first || !last) {
    return undefined;
  }
  return { words, comment, start: first.startOffset - base, end: endOfToken(last) - base, problems, percent: words.some((w) => w.value.includes('%')) };
}

function wordTemplate(t: IToken, start: number, env: EnvLookup, problems: ProblemTemplate[]): WordTemplate {
  if (isPlainWord(t.image)) {
    return { raw: t.image, value: t.image, start, end: start + t.image.length, rawOffsets: undefined, envRefs: NO_REFS };
  }
  const u = unescapeWord(t.image, 0, env);
  for (const p of u.problems) {
    problems.push({ code: p.code, severity: 'error', message: p.message, start: start + p.span.start, end: start + p.span.end });
  }
  return { raw: t.image, value: u.value, start, end: start + t.image.length, rawOffsets: u.rawOffsets, envRefs: u.envRefs };
}

/**
 * Templates of line texts (no line breaks), in order; undefined for a blank
 * line. Plain lines are split directly (plain-line.ts). The others go
 * through the grammar together, each on its own line, a batch at a time: a
 * line's template depends on its text alone, so this is what parsing each
 * line apart would give, for one lexer and parser run per batch. Batches
 * keep the tokens short-lived: the tokens of a whole file, alive until its
 * last line is read, outlived young-generation collections and were copied
 * into the old generation only to die there.
 */
export function templatesOfLines(lineTexts: readonly string[], env: EnvLookup): (LineTemplate | undefined)[] {
  const templates = new Array<LineTemplate | undefined>(lineTexts.length).fill(undefined);
  // Plain lines are split directly (plain-line.ts); the others go through the grammar together.
  const others: string[] = [];
  const othersAt: number[] = [];
  for (let i = 0; i < lineTexts.length; i++) {
    const text = lineTexts[i] as string;
    const plain = plainLineTemplate(text);
    if (plain === null) {
      others.push(text);
      othersAt.push(i);
    } else {
      templates[i] = plain;
    }
  }
  const read = grammarTemplatesOfLines(others, env);
  for (let j = 0; j < others.length; j++) {
    templates[othersAt[j] as number] = read[j];
  }
  return templates;
}

/** What `templatesOfLines` gives, every line read by the grammar. */
export function grammarTemplatesOfLines(lineTexts: readonly string[], env: EnvLookup): (LineTemplate | undefined)[] {
  const templates = new Array<LineTemplate | undefined>(lineTexts.length).fill(undefined);
  for (let from = 0; from < lineTexts.length; from += LINES_PER_BATCH) {
    const to = Math.min(lineTexts.length, from + LINES_PER_BATCH);
    templatesOfBatch(lineTexts, from, to, env, templates);
  }
  return templates;
}

const LINES_PER_BATCH = 512;

/** Sets `templates[from]` to `templates[to - 1]` from one parse of those lines. */
function templatesOfBatch(lineTexts: readonly string[], from: number, to: number, env: EnvLookup, templates: (LineTemplate | undefined)[]): void {
  const bases: number[] = [];
  let at = 0;
  for (let i = from; i < to; i++) {
    bases.push(at);
    at += (lineTexts[i] as string).length + 1;
  }
  const parsed = parseConfig(lineTexts.slice(from, to).join('\n'), '');
  const lineOf = (offset: number): number => partitionPoint(bases.length, (i) => (bases[i + 1] ?? Infinity) <= offset);
  const issuesByLine = new Map<number, Issue[]>();
  for (const i of parsed.syntaxIssues) {
    if (i.code !== 'syntax/missing-final-newline') {
      const n = lineOf(i.span.start);
      issuesByLine.set(n, [...(issuesByLine.get(n) ?? []), i]);
    }
  }
  // Statements come in order: the line of each is found by walking the line starts once.
  let n = 0;
  for (let k = 0; k < parsed.statements.length; k++) {
    const statement = parsed.statements[k] as ConfigStatement;
    const firstToken = firstReadToken(statement);
    if (!firstToken) {
      continue;
    }
    while ((bases[n + 1] ?? Infinity) <= firstToken.startOffset) {
      n++;
    }
    templates[from + n] = templateOfStatement(statement, bases[n] as number, env, issuesByLine.get(n) ?? []);
  }
}

/** The statement's first token that was read from the text (recovery may insert others). */
function firstReadToken(statement: ConfigStatement): IToken | undefined {
  for (let at = 0; at < statement.length; at++) {
    const t = statement[at] as IToken;
    if (t.isInsertedInRecovery !== true) {
      return t;
    }
  }
  return undefined;
}

/** What a build of a document leaves for the next build of the same document. */
export interface PreviousLines {
  readonly file: SourceFile;
  /** By line number: the line's template (undefined for a blank line). */
  readonly templates: readonly (LineTemplate | undefined)[];
  /** By line number: the line object built from it. */
  readonly lines: readonly (ConfigLine | undefined)[];
}

/**
 * The lines of the last build of one document, so the next build (after an
 * edit) tokenizes only the lines between the edit's first and last change:
 * the other lines are reused as they are, also when lines were added or
 * removed above them (they keep their line keys, see span.ts). Pass the
 * same cache to successive builds of a document.
 */
export class LineTemplateCache {
  previous: PreviousLines | undefined;

  /** Directives, sections and proxies derived from surviving lines. */
  public readonly memo = new BuildMemo();

  constructor(public readonly env: EnvLookup = () => undefined) {}

  /** Lines held from the last build. */
  get size(): number {
    return this.previous?.templates.length ?? 0;
  }
}
