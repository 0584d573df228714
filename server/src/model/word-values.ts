import type { Span } from './span';
import type { Word } from './types';

/**
 * Maps a span inside `word.value` to file positions (through quotes and
 * escapes). A word never spans lines, so its characters are columns after its start.
 */
export function valueSpanToFile(word: Word, s: Span): Span {
  if (!word.rawOffsets) {
    return { start: word.span.start + s.start, end: word.span.start + s.end };
  }
  const at = (i: number): number => word.rawOffsets?.[Math.min(i, word.rawOffsets.length - 1)] ?? 0;
  return { start: word.span.start + at(s.start), end: word.span.start + (s.end > s.start ? at(s.end - 1) + 1 : at(s.start)) };
}

/** C's atol as HAProxy uses it for weights: leading digits, 0 when none (`abc` → 0, `10x` → 10). */
export function atol(text: string): number {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? parseInt(m[1] as string, 10) : 0;
}

const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };

/** HAProxy time value (`500`, `500ms`, `1s`, `2m`): milliseconds, or undefined if malformed. */
export function parseTime(text: string): number | undefined {
  const m = /^(\d+)(us|ms|s|m|h|d)?$/.exec(text);
  if (!m) {
    return undefined;
  }
  return parseInt(m[1] as string, 10) * (TIME_UNITS[m[2] ?? 'ms'] ?? 1);
}

/** Strict non-negative integer, or undefined. */
export function parseCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? parseInt(text, 10) : undefined;
}
