import type { Issue } from '../analysis/issue';
import type { ConfigLine } from './build-lines';
import { BuildMemo } from './build-memo';
import type { ConditionalBlock, ConditionalContext, Directive } from './types';

const MAX_WORDS = 64;
const MESSAGE_DIRECTIVES = new Set(['.diag', '.notice', '.warning', '.alert']);

export interface DirectiveScan {
  readonly directives: Directive[];
  readonly comments: { line: number; text: string; span: { start: number; end: number } }[];
  readonly conditionals: ConditionalBlock[];
}

/**
 * Turns lines into directives, tracking `.if/.elif/.else/.endif` nesting
 * (both branches are kept, each directive remembers its branch) and
 * reporting what HAProxy rejects while reading lines.
 */
export function scanDirectives(lines: readonly ConfigLine[], file: string, issues: Issue[], memo: BuildMemo = new BuildMemo()): DirectiveScan {
  const directives: Directive[] = [];
  const comments: DirectiveScan['comments'] = [];
  const conditionals: ConditionalBlock[] = [];
  // The last build's lines and directives by line number: a line object that survived sits on the same line number.
  const last = memo.last<LastScan>('directives');
  const lineObjects: (ConfigLine | undefined)[] = [];
  const built: (BuiltDirective | undefined)[] = [];
  const stack: { ctx: ConditionalContext; block: { condition: string; startLine: number; endLine: number | undefined } }[] = [];
  for (const l of lines) {
    const first = l.words[0];
    if (!first) {
      if (l.comment) {
        comments.push({ line: l.line, text: l.comment.text, span: l.comment.span });
      }
      continue;
    }
    const kw = first.value;
    // A directive outside `.if` blocks carries its own line's problems (plainDirective).
    if (l.words.length > MAX_WORDS && (stack.length > 0 || CONDITIONAL_KEYWORDS.has(kw) || MESSAGE_DIRECTIVES.has(kw))) {
      issues.push(tooManyWords(l, file));
    }
    if (CONDITIONAL_KEYWORDS.has(kw)) {
      const condition = l.words.slice(1).map((w) => w.value).join(' ');
      if (kw === '.if') {
        const block = { condition, startLine: l.line, endLine: undefined as number | undefined };
        conditionals.push(block);
        stack.push({ ctx: { condition, branch: 'if', blockLine: l.line }, block });
      } else {
        const top = stack[stack.length - 1];
        if (!top) {
          issues.push({ code: 'syntax/unbalanced-conditional', severity: 'error', message: `'${kw}' without a matching '.if'`, file, span: first.span });
        } else if (kw === '.endif') {
          top.block.endLine = l.line;
          stack.pop();
        } else {
          // An `.else` branch is described by the block's `.if` condition it negates.
          top.ctx = { condition: kw === '.else' ? top.block.condition : condition, branch: kw === '.else' ? 'else' : 'elif', blockLine: top.ctx.blockLine };
        }
      }
      continue;
    }
    if (MESSAGE_DIRECTIVES.has(kw)) {
      // `.notice "msg"` and friends print at startup; they configure nothing.
      continue;
    }
    if (stack.length === 0) {
      // Outside `.if` blocks a directive depends on its line alone.
      const b = (last?.lines[l.line] === l ? last.built[l.line] : undefined) ?? plainDirective(l, file);
      lineObjects[l.line] = l;
      built[l.line] = b;
      directives.push(b.directive);
      for (const issue of b.issues) {
        issues.push(issue);
      }
    } else {
      const b = toDirective(l, file, stack.map((s) => s.ctx));
      directives.push(b.directive);
      issues.push(...b.issues);
    }
  }
  memo.remember<LastScan>('directives', { lines: lineObjects, built });
  for (const open of stack) {
    issues.push({ code: 'syntax/unbalanced-conditional', severity: 'error', message: `'.if' opened on line ${open.block.startLine + 1} is never closed by '.endif'`, file, span: lines.find((l) => l.line === open.block.startLine)?.span ?? { start: 0, end: 0 } });
  }
  return { directives, comments, conditionals };
}

interface BuiltDirective {
  readonly directive: Directive;
  readonly issues: Issue[];
}

/** The last scan's line objects and directives outside `.if` blocks, by line number. */
interface LastScan {
  readonly lines: readonly (ConfigLine | undefined)[];
  readonly built: readonly (BuiltDirective | undefined)[];
}

function tooManyWords(l: ConfigLine, file: string): Issue {
  return { code: 'syntax/too-many-words', severity: 'error', message: `Too many words on this line (${l.words.length}): HAProxy accepts at most ${MAX_WORDS}`, file, span: l.span };
}

/** A directive outside `.if` blocks, with what HAProxy reports reading its line. */
function plainDirective(l: ConfigLine, file: string): BuiltDirective {
  const b = toDirective(l, file, NO_CONDITIONS);
  return l.words.length > MAX_WORDS ? { directive: b.directive, issues: [tooManyWords(l, file), ...b.issues] } : b;
}

/** What lines `from` to `to` (exclusive) yield outside any `.if` block. */
export interface PlainLinesScan {
  readonly directives: Directive[];
  readonly comments: DirectiveScan['comments'];
  readonly issues: Issue[];
}

/**
 * Scans lines `from` to `to` of `byLine` that are known to be outside any
 * `.if` block, and records them for the next full scan; undefined when one of
 * them opens, continues or closes a block (the whole file must be scanned).
 */
export function scanPlainLines(byLine: readonly (ConfigLine | undefined)[], from: number, to: number, file: string, memo: BuildMemo): PlainLinesScan | undefined {
  const last = memo.last<LastScan>('directives');
  if (!last) {
    return undefined;
  }
  const out: PlainLinesScan = { directives: [], comments: [], issues: [] };
  const lines = last.lines.slice();
  const built = last.built.slice();
  for (let n = from; n < to; n++) {
    const l = byLine[n];
    lines[n] = undefined;
    built[n] = undefined;
    const first = l?.words[0];
    if (!l || !first) {
      if (l?.comment) {
        out.comments.push({ line: l.line, text: l.comment.text, span: l.comment.span });
      }
      continue;
    }
    if (CONDITIONAL_KEYWORDS.has(first.value)) {
      return undefined;
    }
    if (MESSAGE_DIRECTIVES.has(first.value)) {
      if (l.words.length > MAX_WORDS) {
        out.issues.push(tooManyWords(l, file));
      }
      continue;
    }
    const b = plainDirective(l, file);
    lines[n] = l;
    built[n] = b;
    out.directives.push(b.directive);
    out.issues.push(...b.issues);
  }
  memo.remember<LastScan>('directives', { lines, built });
  return out;
}

const CONDITIONAL_KEYWORDS = new Set(['.if', '.elif', '.else', '.endif']);

const NO_CONDITIONS: readonly ConditionalContext[] = [];

function toDirective(l: ConfigLine, file: string, conditional: readonly ConditionalContext[]): { directive: Directive; issues: Issue[] } {
  const issues: Issue[] = [];
  const [first, ...rest] = l.words;
  const empty = rest.findIndex((w) => w.value === '');
  if (empty >= 0 && empty < rest.length - 1) {
    const w = rest[empty];
    if (w) {
      issues.push({
        code: 'directive/empty-word',
        severity: 'warning',
        message: 'Empty word: HAProxy 2.6 silently ignores every word after it (3.3+ refuses the line)',
        file,
        span: w.span,
      });
    }
  }
  const directive: Directive = {
    kind: 'directive',
    line: l.line,
    keyword: first?.value ?? '',
    keywordSpan: first?.span ?? l.span,
    args: empty >= 0 ? rest.slice(0, empty) : rest,
    words: l.words,
    span: l.span,
    comment: l.comment,
    conditional,
  };
  return { directive, issues };
}
