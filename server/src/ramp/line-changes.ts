/**
 * Changed lines between two versions of a file, kept as exact bytes so a
 * journal can put the old ones back byte for byte.
 */

/** Lines `line … line + after-line-count − 1` (0-based) read `after` and were `before` (line breaks included). */
export interface LineChange {
  readonly line: number;
  readonly before: string;
  readonly after: string;
}

/** Lines with their own line breaks; the last one may have none. */
export function splitKeepingBreaks(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * The changes that turn `before` into `after`: one per changed line when
 * both have the same number of lines (ramp and promote edits never add or
 * remove a line break), otherwise one block covering the changed middle.
 *
 * Contract: pure; `restoreLineChanges(after, lineChanges(before, after))`
 * returns `before` exactly.
 */
export function lineChanges(before: string, after: string): LineChange[] {
  const a = splitKeepingBreaks(before);
  const b = splitKeepingBreaks(after);
  if (a.length === b.length) {
    return a.flatMap((line, i) => (line === b[i] ? [] : [{ line: i, before: line, after: b[i] as string }]));
  }
  const { head, tail } = commonEnds(a, b);
  return [{ line: head, before: a.slice(head, a.length - tail).join(''), after: b.slice(head, b.length - tail).join('') }];
}

/** How many leading and trailing items two lists share (the trailing ones not overlapping the leading ones). */
export function commonEnds(a: readonly string[], b: readonly string[]): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    head++;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail++;
  }
  return { head, tail };
}

/**
 * Puts the `before` bytes of `changes` back into `text`, or explains which
 * line no longer reads as recorded.
 *
 * Contract: pure; never throws. Each change's `after` must be found at its
 * line in `text`; changes are applied from the last line up.
 */
export function restoreLineChanges(text: string, changes: readonly LineChange[]): { text: string } | { problem: string } {
  const lines = splitKeepingBreaks(text);
  for (const c of [...changes].sort((x, y) => y.line - x.line)) {
    const count = splitKeepingBreaks(c.after).length;
    const current = lines.slice(c.line, c.line + count).join('');
    if (current !== c.after) {
      return { problem: `Line ${c.line + 1} no longer reads as the journal recorded it` };
    }
    lines.splice(c.line, count, ...splitKeepingBreaks(c.before));
  }
  return { text: lines.join('') };
}
