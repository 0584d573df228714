/**
 * `<|>` marks a cursor and `<|text|>` a range in test input. `parseMarkers`
 * strips them and returns the clean text with the marked offsets, in order.
 */
export interface Marked {
  readonly text: string;
  readonly cursors: readonly number[];
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
}

export function parseMarkers(marked: string): Marked {
  let text = '';
  const cursors: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  let open: number | undefined;
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith('<|>', i)) {
      cursors.push(text.length);
      i += 3;
    } else if (marked.startsWith('<|', i)) {
      open = text.length;
      i += 2;
    } else if (marked.startsWith('|>', i) && open !== undefined) {
      ranges.push({ start: open, end: text.length });
      open = undefined;
      i += 2;
    } else {
      text += marked[i];
      i++;
    }
  }
  return { text, cursors, ranges };
}

/** 0-based line/character of `offset` in `text` (`\n` line breaks). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOfText(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) {
    throw new Error(`'${needle}' not found in the test text`);
  }
  return positionOf(text, at + delta);
}
