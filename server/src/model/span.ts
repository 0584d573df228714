/**
 * A half-open range of one file: `start` is the first character, `end` is
 * one past the last. Both are positions (see `packPosition`), not offsets
 * into the text: `{ start: 4, end: 7 }` covers "abc" in a first line
 * "xxx abc yyy", and the same word on line 3 is `{ start: 3 * LINE_STRIDE + 4, … }`.
 * Positions order like offsets, and within a line they count characters
 * like offsets; `source-file.ts` converts between positions and offsets.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Positions are packed 0-based line and column (UTF-16 code units, as LSP
 * and JavaScript count them): `line * LINE_STRIDE + column`. Typing in one
 * line then moves nothing on any other line, so whatever was built from the
 * other lines is reused as it is instead of being shifted.
 */
export const LINE_STRIDE = 2 ** 24;

/** Longest column a position holds; a longer line's tail is clamped onto it. */
const MAX_COLUMN = LINE_STRIDE - 1;

export function packPosition(line: number, column: number): number {
  return line * LINE_STRIDE + Math.min(Math.max(0, column), MAX_COLUMN);
}

export function lineOfPosition(position: number): number {
  return Math.floor(position / LINE_STRIDE);
}

export function columnOfPosition(position: number): number {
  return position - lineOfPosition(position) * LINE_STRIDE;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** Chevrotain's `endOffset` is inclusive; this is the one place that absorbs it. */
export function spanOfToken(token: { startOffset: number; endOffset?: number; image: string }): Span {
  const end = token.endOffset !== undefined && !Number.isNaN(token.endOffset) ? token.endOffset + 1 : token.startOffset + token.image.length;
  return { start: token.startOffset, end };
}

export function containsOffset(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
