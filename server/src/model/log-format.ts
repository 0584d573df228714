import { parseLogFormat, type LogFormatPart } from '../parser/sample-expression';
import { shiftExpression } from './conditions';
import type { LogFormat, Word } from './types';
import { valueSpanToFile } from './word-values';

/** Parses a word as a log-format string; every span ends up in file positions. */
export function wordLogFormat(word: Word): LogFormat {
  const map = (s: { start: number; end: number }) => valueSpanToFile(word, s);
  const parts: LogFormatPart[] = parseLogFormat(word.value).map((p) => {
    if (p.kind === 'sample') {
      return {
        ...p,
        span: map(p.span),
        expression: p.expression ? shiftExpression(p.expression, map) : undefined,
        error: p.error ? { message: p.error.message, span: map(p.error.span) } : undefined,
      };
    }
    return { ...p, span: map(p.span) };
  });
  return { text: word.value, parts, word };
}

/** True when the log-format has no sample or variable: a static string. */
export function isLiteralFormat(format: LogFormat): boolean {
  return format.parts.every((p) => p.kind === 'literal');
}
