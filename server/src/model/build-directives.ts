import type { Issue } from '../analysis/issue';
import type { ConfigLine } from './build-lines';
import { lineOf, type SourceFile } from './source-file';
import type { Span } from './span';
import type { ConditionalBlock, ConditionalContext, Directive, Word } from './types';

const MAX_WORDS = 64;
const MESSAGE_DIRECTIVES = new Set(['.diag', '.notice', '.warning', '.alert']);

export interface DirectiveScan {
  readonly directives: Directive[];
  readonly comments: { text: string; span: Span }[];
  readonly conditionals: ConditionalBlock[];
}

/**
 * Turns lines into directives, tracking `.if/.elif/.else/.endif` nesting
 * (both branches are kept, each directive remembers its branch) and
 * reporting what HAProxy rejects while reading lines.
 */
export function scanDirectives(lines: readonly ConfigLine[], source: SourceFile, issues: Issue[]): DirectiveScan {
  const file = source.path;
  const directives: Directive[] = [];
  const comments: DirectiveScan['comments'] = [];
  const conditionals: ConditionalBlock[] = [];
  const stack: { ctx: ConditionalContext; block: { condition: string; start: Span; end: Span | undefined } }[] = [];
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < lines.length; at++) {
    const l = lines[at] as ConfigLine;
    const first = l.words[0];
    if (!first) {
      const comment = l.comment;
      if (comment) {
        comments.push(comment);
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
        const block = { condition, start: l.span, end: undefined as Span | undefined };
        conditionals.push(block);
        stack.push({ ctx: { condition, branch: 'if', blockStart: l.span.start }, block });
      } else {
        const top = stack[stack.length - 1];
        if (!top) {
          issues.push({ code: 'syntax/unbalanced-conditional', severity: 'error', message: `'${kw}' without a matching '.if'`, file, span: first.span });
        } else if (kw === '.endif') {
          top.block.end = l.span;
          stack.pop();
        } else {
          // An `.else` branch is described by the block's `.if` condition it negates.
          top.ctx = { condition: kw === '.else' ? top.block.condition : condition, branch: kw === '.else' ? 'else' : 'elif', blockStart: top.ctx.blockStart };
        }
      }
      continue;
    }
    if (MESSAGE_DIRECTIVES.has(kw)) {
      // `.notice "msg"` and friends print at startup; they configure nothing.
      continue;
    }
    if (stack.length === 0) {
      // Outside `.if` blocks a directive depends on its line alone: a line object that survived an edit keeps it.
      const b = l.plain ?? plainDirective(l, file);
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
  for (const open of stack) {
    issues.push({ code: 'syntax/unbalanced-conditional', severity: 'error', message: `'.if' opened on line ${lineOf(source, open.block.start.start) + 1} is never closed by '.endif'`, file, span: open.block.start });
  }
  return { directives, comments, conditionals };
}

interface BuiltDirective {
  readonly directive: Directive;
  readonly issues: readonly Issue[];
}

function tooManyWords(l: ConfigLine, file: string): Issue {
  return { code: 'syntax/too-many-words', severity: 'error', message: `Too many words on this line (${l.words.length}): HAProxy accepts at most ${MAX_WORDS}`, file, span: l.span };
}

/** A directive outside `.if` blocks, with what HAProxy reports reading its line; kept on the line. */
function plainDirective(l: ConfigLine, file: string): BuiltDirective {
  const b = toDirective(l, file, NO_CONDITIONS);
  l.plain = l.words.length > MAX_WORDS ? { directive: b.directive, issues: [tooManyWords(l, file), ...b.issues] } : b;
  return l.plain;
}

/** What lines `from` to `to` (exclusive) yield outside any `.if` block. */
export interface PlainLinesScan {
  readonly directives: Directive[];
  readonly comments: DirectiveScan['comments'];
  readonly issues: Issue[];
}

/**
 * Scans `lines`, known to be outside any `.if` block; undefined when one of
 * them opens, continues or closes a block (the whole file must be scanned).
 */
export function scanPlainLines(lines: readonly (ConfigLine | undefined)[], file: string): PlainLinesScan | undefined {
  const out: PlainLinesScan = { directives: [], comments: [], issues: [] };
  for (const l of lines) {
    const first = l?.words[0];
    if (!l || !first) {
      const comment = l?.comment;
      if (comment) {
        out.comments.push(comment);
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
    const b = l.plain ?? plainDirective(l, file);
    out.directives.push(b.directive);
    out.issues.push(...b.issues);
  }
  return out;
}

const CONDITIONAL_KEYWORDS = new Set(['.if', '.elif', '.else', '.endif']);

const NO_CONDITIONS: readonly ConditionalContext[] = [];

/** What most lines yield besides their directive (shared: a 14,000-line config has as many directives). */
const NO_ISSUES: readonly Issue[] = [];

function toDirective(l: ConfigLine, file: string, conditional: readonly ConditionalContext[]): BuiltDirective {
  const words = l.words;
  const first = words[0];
  let empty = -1;
  for (let i = 1; i < words.length; i++) {
    if ((words[i] as Word).value === '') {
      empty = i;
      break;
    }
  }
  let issues: readonly Issue[] = NO_ISSUES;
  if (empty >= 0 && empty < words.length - 1) {
    issues = [
      {
        code: 'directive/empty-word',
        severity: 'warning',
        message: 'Empty word: HAProxy 2.6 silently ignores every word after it (3.3+ refuses the line)',
        file,
        span: (words[empty] as Word).span,
      },
    ];
  }
  const directive = new LineDirective(l, first?.value ?? '', words.slice(1, empty >= 0 ? empty : words.length), conditional);
  return issues === NO_ISSUES ? directive : { directive, issues };
}

/** False when no word of `d` holds `%`, so that no sample expression can be in it. */
export function mayHoldPercent(d: Directive): boolean {
  return d instanceof LineDirective ? d.percent : d.words.some((w) => w.value.includes('%'));
}

/**
 * A directive read from a line. Its spans are the line's and its first
 * word's, worked out when asked: made up front, they cost every directive
 * of a first open three objects and four boxed positions. It is also its own
 * build result when reading the line found nothing to report.
 */
class LineDirective implements Directive, BuiltDirective {
  readonly kind = 'directive';
  readonly words: readonly Word[];

  constructor(
    private readonly line: ConfigLine,
    readonly keyword: string,
    readonly args: readonly Word[],
    readonly conditional: readonly ConditionalContext[],
  ) {
    this.words = line.words;
  }

  get keywordSpan(): Span {
    return this.words[0]?.span ?? this.line.span;
  }

  get span(): Span {
    return this.line.span;
  }

  get comment(): Directive['comment'] {
    return this.line.comment;
  }

  get directive(): Directive {
    return this;
  }

  /** True when a word holds `%` (see LineTemplate). */
  get percent(): boolean {
    return this.line.template.percent;
  }

  get issues(): readonly Issue[] {
    return NO_ISSUES;
  }

  /** Serialises as the plain directive it stands for, positions included. */
  toJSON(): Directive {
    const { kind, keyword, keywordSpan, args, words, span, comment, conditional } = this;
    return { kind, keyword, keywordSpan, args, words, span, comment, conditional };
  }
}
