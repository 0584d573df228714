/**
 * Half-open character offsets into one file's text: `start` is the first
 * character, `end` is one past the last. `{ start: 4, end: 7 }` covers "abc" in
 * "xxx abc yyy" (0-based, UTF-16 code units as JavaScript strings count them).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
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
