import type { IToken } from 'chevrotain';
import type { Issue, IssueCode, Severity } from '../analysis/issue';
import type { StatementCstNode } from '../parser/cst.generated';
import type { EnvReference } from '../parser/words';
import { parseConfig } from '../parser/parse-config';
import { unescapeWord, type EnvLookup } from '../parser/words';
import { BuildMemo } from './build-memo';
import { spanOfToken } from './span';

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
  readonly broken: boolean;
  readonly problems: readonly ProblemTemplate[];
}

/** Builds a template from one CST statement whose line starts at `base`. */
export function templateOfStatement(statement: StatementCstNode, base: number, env: EnvLookup, lineIssues: readonly Issue[]): LineTemplate | undefined {
  const c = statement.children;
  const tokens = [...(c.Word ?? []), ...(c.UnclosedQuote ?? []), ...(c.BadCharacter ?? []), ...(c.Comment ?? [])]
    .filter((t) => t.isInsertedInRecovery !== true)
    .sort((a, b) => a.startOffset - b.startOffset);
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) {
    return undefined;
  }
  const words: WordTemplate[] = [];
  const problems: ProblemTemplate[] = lineIssues.map((i) => ({ code: i.code, severity: i.severity, message: i.message, start: i.span.start - base, end: i.span.end - base }));
  let comment: LineTemplate['comment'];
  let broken = false;
  for (const t of tokens) {
    const span = spanOfToken(t);
    const name = t.tokenType.name;
    if (name === 'Comment') {
      comment = { text: t.image, start: span.start - base, end: span.end - base };
    } else if (name === 'Word') {
      words.push(wordTemplate(t, span.start - base, env, problems));
    } else {
      broken = true;
    }
  }
  return { words, comment, start: first.startOffset - base, end: spanOfToken(last).end - base, broken, problems };
}

function wordTemplate(t: IToken, start: number, env: EnvLookup, problems: ProblemTemplate[]): WordTemplate {
  const u = unescapeWord(t.image, 0, env);
  for (const p of u.problems) {
    problems.push({ code: p.code, severity: 'error', message: p.message, start: start + p.span.start, end: start + p.span.end });
  }
  return { raw: t.image, value: u.value, start, end: start + t.image.length, rawOffsets: u.rawOffsets, envRefs: u.envRefs };
}

/** Tokenizes and parses a single line (no line break) into its template; undefined for a blank line. */
export function templateOfLineText(lineText: string, env: EnvLookup): LineTemplate | undefined {
  const parsed = parseConfig(lineText, '');
  const issues = parsed.syntaxIssues.filter((i) => i.code !== 'syntax/missing-final-newline');
  const statement = parsed.cst.children.line?.[0]?.children.statement?.[0];
  return statement ? templateOfStatement(statement, 0, env, issues) : undefined;
}

/**
 * Line templates by line text, for one document. Pass the same cache to
 * successive builds of an edited document; entries of lines that disappeared
 * are dropped at each build.
 */
export class LineTemplateCache {
  private entries = new Map<string, LineTemplate | undefined>();
  private next = new Map<string, LineTemplate | undefined>();
  /** Objects built from templates in the last build, by line start offset: reused when nothing moved. */
  private instances = new Map<number, { readonly template: LineTemplate; readonly line: number; readonly value: object }>();
  private nextInstances = new Map<number, { readonly template: LineTemplate; readonly line: number; readonly value: object }>();

  /** Directives, sections and proxies derived from surviving lines. */
  public readonly memo = new BuildMemo();

  constructor(public readonly env: EnvLookup = () => undefined) {}

  get size(): number {
    return this.entries.size;
  }

  /** The template of `lineText`, computing it on a miss. */
  lookup(lineText: string): LineTemplate | undefined {
    if (this.next.has(lineText)) {
      return this.next.get(lineText);
    }
    const hit = this.entries.has(lineText) ? this.entries.get(lineText) : templateOfLineText(lineText, this.env);
    this.next.set(lineText, hit);
    return hit;
  }

  /** Records a template computed elsewhere (the whole-file parse). */
  store(lineText: string, template: LineTemplate | undefined): void {
    this.next.set(lineText, template);
  }

  has(lineText: string): boolean {
    return this.entries.has(lineText) || this.next.has(lineText);
  }

  /**
   * The object `make` builds for `template` at `base`/`line`, reused from the
   * previous build when the same template sat at the same place (lines
   * before an edit keep their offsets, so they cost nothing).
   */
  instance<T extends object>(template: LineTemplate, base: number, line: number, make: () => T): T {
    const prev = this.instances.get(base);
    const value = prev && prev.template === template && prev.line === line ? (prev.value as T) : make();
    this.nextInstances.set(base, { template, line, value });
    return value;
  }

  /** Ends a build: keeps only the lines the build used. */
  commit(): void {
    this.entries = this.next;
    this.next = new Map();
    this.instances = this.nextInstances;
    this.nextInstances = new Map();
  }
}
