import type { Span } from '../model/span';

/**
 * Sample expressions: `fetch(args),converter(args),…` as written inside
 * `%[ ]` or as the criterion of an ACL. Spans are offsets into the string
 * that was parsed; callers map them to file positions.
 */
export interface SampleCall {
  readonly name: string;
  readonly nameSpan: Span;
  /** Arguments after second-level unquoting (reference §1.3). */
  readonly args: readonly string[];
  readonly argSpans: readonly Span[];
  readonly span: Span;
}

export interface SampleExpression {
  readonly fetch: SampleCall;
  readonly converters: readonly SampleCall[];
  readonly span: Span;
}

export interface SampleParseResult {
  readonly expression: SampleExpression | undefined;
  readonly error: { readonly message: string; readonly span: Span } | undefined;
}

const NAME = /[A-Za-z0-9_.\-]+/y;

/** Parses `text` as one sample expression, starting at `offset`, ending at `end`. */
export function parseSampleExpression(text: string, offset = 0, end = text.length): SampleParseResult {
  const calls: SampleCall[] = [];
  let i = offset;
  for (;;) {
    const call = parseCall(text, i, end);
    if ('error' in call) {
      return { expression: undefined, error: call.error };
    }
    calls.push(call.call);
    i = call.call.span.end;
    if (i >= end) {
      break;
    }
    if (text[i] !== ',') {
      return { expression: undefined, error: { message: `Unexpected '${text[i]}' in sample expression: converters are separated by ','`, span: { start: i, end: i + 1 } } };
    }
    i++;
  }
  const [fetch, ...converters] = calls;
  if (!fetch) {
    return { expression: undefined, error: { message: 'Empty sample expression', span: { start: offset, end } } };
  }
  return { expression: { fetch, converters, span: { start: offset, end } }, error: undefined };
}

function parseCall(text: string, start: number, end: number): { call: SampleCall } | { error: { message: string; span: Span } } {
  NAME.lastIndex = start;
  const m = NAME.exec(text);
  if (!m || m.index !== start || start >= end) {
    return { error: { message: 'Expected a sample fetch or converter name', span: { start, end: Math.min(end, start + 1) } } };
  }
  const nameEnd = Math.min(end, start + m[0].length);
  const name = text.slice(start, nameEnd);
  const args: string[] = [];
  const argSpans: Span[] = [];
  let i = nameEnd;
  if (text[i] === '(' && i < end) {
    i++;
    let current = '';
    let argStart = i;
    let quote: string | undefined;
    let depth = 0;
    for (;;) {
      if (i >= end) {
        return { error: { message: `Missing ')' after the arguments of '${name}'`, span: { start, end } } };
      }
      const c = text[i] as string;
      if (quote) {
        if (c === '\\' && i + 1 < end) {
          current += text[i + 1];
          i += 2;
          continue;
        }
        if (c === quote) {
          quote = undefined;
        } else {
          current += c;
        }
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        i++;
        continue;
      }
      if (c === '\\' && i + 1 < end) {
        current += text[i + 1];
        i += 2;
        continue;
      }
      if (c === '(') {
        depth++;
      } else if (c === ')' && depth > 0) {
        depth--;
      } else if ((c === ',' || c === ')') && depth === 0) {
        args.push(current);
        argSpans.push({ start: argStart, end: i });
        current = '';
        i++;
        argStart = i;
        if (c === ')') {
          break;
        }
        continue;
      }
      current += c;
      i++;
    }
  }
  return { call: { name, nameSpan: { start, end: nameEnd }, args, argSpans, span: { start, end: i } } };
}

/** A piece of a log-format string: literal text or a `%[…]` sample expression. */
export type LogFormatPart =
  | { readonly kind: 'literal'; readonly text: string; readonly span: Span }
  | { readonly kind: 'sample'; readonly expression: SampleExpression | undefined; readonly text: string; readonly span: Span; readonly error: SampleParseResult['error'] }
  | { readonly kind: 'variable'; readonly name: string; readonly span: Span };

/**
 * Splits a log-format string (the argument of `use_backend`, `set-header`, …)
 * into literal text, `%[expr]` / `%{flags}[expr]` samples and `%x` variables.
 */
export function parseLogFormat(text: string): LogFormatPart[] {
  const parts: LogFormatPart[] = [];
  let literal = '';
  let literalStart = 0;
  const flush = (at: number): void => {
    if (literal) {
      parts.push({ kind: 'literal', text: literal, span: { start: literalStart, end: at } });
    }
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '%') {
      if (!literal) {
        literalStart = i;
      }
      literal += c;
      i++;
      continue;
    }
    if (text[i + 1] === '%') {
      if (!literal) {
        literalStart = i;
      }
      literal += '%';
      i += 2;
      continue;
    }
    flush(i);
    let j = i + 1;
    if (text[j] === '{') {
      const close = text.indexOf('}', j);
      j = close < 0 ? text.length : close + 1;
    }
    if (text[j] === '[') {
      const close = findClosingBracket(text, j + 1);
      const exprEnd = close < 0 ? text.length : close;
      const parsed = parseSampleExpression(text, j + 1, exprEnd);
      const error = close < 0 ? { message: "Missing ']' to close the sample expression", span: { start: i, end: text.length } } : parsed.error;
      parts.push({ kind: 'sample', expression: parsed.expression, text: text.slice(j + 1, exprEnd), span: { start: i, end: close < 0 ? text.length : close + 1 }, error });
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    const m = /^[A-Za-z_]+/.exec(text.slice(j));
    const name = m ? m[0] : '';
    parts.push({ kind: 'variable', name, span: { start: i, end: j + name.length } });
    i = j + name.length;
    if (!name) {
      i = Math.max(i, i + 1);
    }
  }
  flush(text.length);
  return parts;
}

function findClosingBracket(text: string, from: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') {
        i++;
      } else if (c === quote) {
        quote = undefined;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '\\') {
      i++;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (c === ']' && depth === 0) {
      return i;
    }
  }
  return -1;
}
