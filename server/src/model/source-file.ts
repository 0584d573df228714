import { columnOfPosition, keyOfPosition, MAX_LINE_KEY, packPosition, type Span } from './span';

/**
 * A text with a line index, so span positions (packed line key and column,
 * see span.ts) become offsets into the text where text is cut or edited,
 * and line numbers where they are shown.
 */
export interface SourceFile {
  /** Absolute path (CLI) or URI-derived path (server) the text came from. */
  readonly path: string;
  readonly text: string;
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[];
  /** The key of each line (see span.ts): increasing, with room between neighbours. */
  readonly lineKeys: readonly number[];
  /** The file's line break (that of its first line), for edits that add lines. */
  readonly lineBreak: '\n' | '\r\n';
}

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column in UTF-16 code units. */
  readonly character: number;
}

export function createSourceFile(path: string, text: string): SourceFile {
  const lineStarts = [0];
  scanLineStarts(text, 0, lineStarts, () => false);
  return { path, text, lineStarts, lineKeys: freshKeys(lineStarts.length), lineBreak: lineBreakOf(text) };
}

/** Most room between the keys of neighbouring lines in a freshly read file. */
const FRESH_KEY_GAP = 2 ** 16;
/** Most room between keys handed to added lines: the rest stays free for lines added next to them. */
const ADDED_KEY_STEP = 256;

/** Keys of `count` lines read afresh, spread so that lines can be added anywhere later, above the first one included. */
function freshKeys(count: number): number[] {
  const gap = Math.max(1, Math.min(FRESH_KEY_GAP, Math.floor(MAX_LINE_KEY / (count + 2))));
  const keys = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    keys[i] = (i + 1) * gap;
  }
  return keys;
}

function lineBreakOf(text: string): '\n' | '\r\n' {
  const firstBreak = text.indexOf('\n');
  return firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
}

/**
 * Pushes the line starts after `from` (CRLF, LF and lone CR end a line) until
 * `stop` accepts one. Line breaks are found with indexOf, not character by
 * character: a first open scans the whole text before V8 has optimised any loop.
 */
function scanLineStarts(text: string, from: number, out: number[], stop: (start: number) => boolean): void {
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  while (lf >= 0 || cr >= 0) {
    let end: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // A CR ends the line, with the LF right after it when there is one.
      end = cr + 1 === lf ? lf : cr;
    } else {
      end = lf;
    }
    out.push(end + 1);
    if (stop(end + 1)) {
      return;
    }
    if (lf >= 0 && lf <= end) {
      lf = text.indexOf('\n', end + 1);
    }
    if (cr >= 0 && cr <= end) {
      cr = text.indexOf('\r', end + 1);
    }
  }
}

/** A new version of a file and how its lines relate to the previous version's. */
export interface ReindexedFile {
  readonly file: SourceFile;
  /** Lines before this one are the previous version's lines, same text, same offsets, same keys. */
  readonly head: number;
  /**
   * From `newLine` on, every line is the previous version's line
   * `newLine - lineShift`, with the same text and key, `offsetShift` further.
   */
  readonly tail: { readonly newLine: number; readonly lineShift: number; readonly offsetShift: number } | undefined;
  /**
   * True when the added lines found no room between their neighbours' keys:
   * every line then has a new key, and nothing built before is reusable.
   */
  readonly renumbered: boolean;
}

/**
 * The source file of `text`, a new version of `previous` that is unchanged
 * in its first `prefix` and last `suffix` characters: only the line starts
 * in between are scanned, the others are copied or shifted. Unchanged lines
 * keep their keys; a changed line keeps the key of the line it replaces, and
 * added lines get keys between their neighbours'.
 */
export function reindexSourceFile(previous: SourceFile, text: string, prefix: number, suffix: number): ReindexedFile {
  const old = previous.lineStarts;
  const offsetShift = text.length - previous.text.length;
  // A start before the first change is a start in both versions (a CR right before the change could become CRLF).
  let kept = 0;
  while (kept + 1 < old.length && (old[kept + 1] as number) < prefix) {
    kept++;
  }
  const lineStarts = old.slice(0, kept + 1);
  const tailFrom = text.length - suffix;
  let tail: ReindexedFile['tail'];
  scanLineStarts(text, lineStarts[kept] as number, lineStarts, (start) => {
    if (start < tailFrom) {
      return false;
    }
    const oldLine = indexOfStart(old, start - offsetShift);
    if (oldLine === undefined) {
      return false;
    }
    tail = { newLine: lineStarts.length - 1, lineShift: lineStarts.length - 1 - oldLine, offsetShift };
    for (let i = oldLine + 1; i < old.length; i++) {
      lineStarts.push((old[i] as number) + offsetShift);
    }
    return true;
  });
  let head = 0;
  while (head + 1 < lineStarts.length && (lineStarts[head + 1] as number) <= prefix) {
    head++;
  }
  const lineKeys = keysAfterEdit(previous.lineKeys, lineStarts.length, head, tail);
  const base = { path: previous.path, text, lineStarts, lineBreak: lineBreakOf(text) };
  return lineKeys ? { file: { ...base, lineKeys }, head, tail, renumbered: false } : { file: { ...base, lineKeys: freshKeys(lineStarts.length) }, head, tail, renumbered: true };
}

/**
 * Keys of the new version's `count` lines: the head and tail keep theirs,
 * the changed lines take the keys of the lines they replace, in order, and
 * the lines added beyond those take keys between their neighbours'.
 * Undefined when there is no room for them.
 */
function keysAfterEdit(oldKeys: readonly number[], count: number, head: number, tail: ReindexedFile['tail']): number[] | undefined {
  const changedEnd = tail?.newLine ?? count;
  const oldChangedEnd = tail ? tail.newLine - tail.lineShift : oldKeys.length;
  if (count === oldKeys.length && changedEnd - head === oldChangedEnd - head) {
    // Typing in lines: every line keeps its key, and the keys are immutable, so the array is shared.
    return oldKeys as number[];
  }
  const keys = oldKeys.slice(0, head);
  const reused = Math.min(changedEnd - head, oldChangedEnd - head);
  for (let i = 0; i < reused; i++) {
    keys.push(oldKeys[head + i] as number);
  }
  const added = changedEnd - head - reused;
  if (added > 0) {
    const below = keys.length > 0 ? (keys[keys.length - 1] as number) : -1;
    const above = tail ? (oldKeys[oldChangedEnd] as number) : MAX_LINE_KEY + 1;
    const step = Math.min(ADDED_KEY_STEP, Math.floor((above - below) / (added + 1)));
    if (step < 1) {
      return undefined;
    }
    for (let i = 1; i <= added; i++) {
      keys.push(below + i * step);
    }
  }
  for (let i = oldChangedEnd; i < oldKeys.length; i++) {
    keys.push(oldKeys[i] as number);
  }
  return keys;
}

function indexOfStart(starts: readonly number[], offset: number): number | undefined {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = starts[mid] as number;
    if (v === offset) {
      return mid;
    }
    if (v < offset) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return undefined;
}

/**
 * The line number (0-based) of a line key. A key no line has (a position
 * kept from an older version of the text) maps to the line above it.
 */
export function lineOfKey(file: SourceFile, key: number): number {
  const keys = file.lineKeys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((keys[mid] as number) <= key) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** The line number (0-based) of a position. */
export function lineOf(file: SourceFile, position: number): number {
  return lineOfKey(file, keyOfPosition(position));
}

/** The position of column `column` of line `line` (0-based); a line past the end is the end of the text. */
export function positionAtLine(file: SourceFile, line: number, column = 0): number {
  if (line >= file.lineKeys.length) {
    return positionOfOffset(file, file.text.length);
  }
  return packPosition(file.lineKeys[Math.max(0, line)] as number, column);
}

/** LSP-style line/column of a position (see span.ts). */
export function positionAt(file: SourceFile, position: number): Position {
  return { line: lineOf(file, position), character: columnOfPosition(position) };
}

/**
 * The position of an editor's line/column in `file`: a line past the end is
 * the end of the text, a column past the end of its line is the line's end.
 */
export function positionOf(file: SourceFile, at: Position): number {
  if (at.line < 0) {
    return positionAtLine(file, 0);
  }
  if (at.line >= file.lineStarts.length) {
    return positionOfOffset(file, file.text.length);
  }
  return positionAtLine(file, at.line, Math.min(Math.max(0, at.character), lineLength(file, at.line)));
}

/** Length of line `line`'s content, without its line break. */
function lineLength(file: SourceFile, line: number): number {
  const start = file.lineStarts[line] ?? file.text.length;
  let end = file.lineStarts[line + 1] ?? file.text.length;
  if (end > start && file.text.charCodeAt(end - 1) === 10) {
    end--;
  }
  if (end > start && file.text.charCodeAt(end - 1) === 13) {
    end--;
  }
  return end - start;
}

/** Offset into `file.text` of a position, clamped to the text. */
export function offsetOf(file: SourceFile, position: number): number {
  const key = keyOfPosition(position);
  const line = lineOfKey(file, key);
  const lineKey = file.lineKeys[line] ?? 0;
  if (key < lineKey) {
    return 0;
  }
  const next = file.lineStarts[line + 1] ?? file.text.length;
  // A key between two lines' (a line removed since) stands for the end of the line above.
  if (key > lineKey) {
    return next;
  }
  return Math.min((file.lineStarts[line] ?? 0) + columnOfPosition(position), next);
}

/** Position of an offset into `file.text` (clamped to the text). */
export function positionOfOffset(file: SourceFile, offset: number): number {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  const line = lineOfOffset(file, clamped);
  return packPosition(file.lineKeys[line] ?? 0, clamped - (file.lineStarts[line] ?? 0));
}

/** 0-based line holding an offset into `file.text`. */
export function lineOfOffset(file: SourceFile, offset: number): number {
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((file.lineStarts[mid] ?? 0) <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** The text a span covers. */
export function spanText(file: SourceFile, s: Span): string {
  return file.text.slice(offsetOf(file, s.start), offsetOf(file, s.end));
}

/** A span given in offsets into `file.text`, as positions. */
export function spanOfOffsets(file: SourceFile, start: number, end: number): Span {
  return { start: positionOfOffset(file, start), end: positionOfOffset(file, end) };
}
