/**
 * A half-open range of one file: `start` is the first character, `end` is
 * one past the last. Both are positions (see `packPosition`), not offsets
 * into the text: "abc" in a line "xxx abc yyy" whose key is k is
 * `{ start: k * LINE_STRIDE + 4, end: k * LINE_STRIDE + 7 }`.
 * Positions order like offsets, and within a line they count characters
 * like offsets; `source-file.ts` converts positions to offsets and to
 * line numbers.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Positions are packed line key and column (UTF-16 code units, as LSP and
 * JavaScript count them): `key * LINE_STRIDE + column`. A line's key is not
 * its line number: the file maps keys to line numbers (`lineKeys` in
 * source-file.ts). Keys increase down the file and leave room between
 * lines, so adding lines gives the new ones keys in between and every other
 * line keeps its key: whatever was built from the other lines is reused as
 * it is instead of being shifted, whether the edit typed in a line or added
 * a line above it.
 */
export const LINE_STRIDE = 2 ** 24;

/** Longest column a position holds; a longer line's tail is clamped onto it. */
const MAX_COLUMN = LINE_STRIDE - 1;

/** Largest line key: positions stay exact doubles (below 2^53). */
export const MAX_LINE_KEY = 2 ** 29 - 1;

export function packPosition(key: number, column: number): number {
  return key * LINE_STRIDE + Math.min(Math.max(0, column), MAX_COLUMN);
}

/** The key of the line a position is on (see source-file.ts for its line number). */
export function keyOfPosition(position: number): number {
  return Math.floor(position / LINE_STRIDE);
}

export function columnOfPosition(position: number): number {
  return position - keyOfPosition(position) * LINE_STRIDE;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function spanOfToken(token: { startOffset: number; endOffset?: number; image: string }): Span {
  return { start: token.startOffset, end: endOfToken(token) };
}

/** One past a token's last character. Chevrotain's `endOffset` is inclusive; this is the one place that absorbs it. */
export function endOfToken(token: { startOffset: number; endOffset?: number; image: string }): number {
  return token.endOffset !== undefined && !Number.isNaN(token.endOffset) ? token.endOffset + 1 : token.startOffset + token.image.length;
}

export function containsOffset(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
