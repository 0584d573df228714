/**
 * A text with a line index, so engine offsets can become 0-based line/column
 * positions at the edges (CLI output, LSP ranges) without re-scanning the text.
 */
export interface SourceFile {
  /** Absolute path (CLI) or URI-derived path (server) the text came from. */
  readonly path: string;
  readonly text: string;
  /** Offset of the first character of each line; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[];
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
  return { path, text, lineStarts, lineBreak: lineBreakOf(text) };
}

function lineBreakOf(text: string): '\n' | '\r\n' {
  const firstBreak = text.indexOf('\n');
  return firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
}

/** Pushes the line starts after `from` (CRLF, LF and lone CR end a line) until `stop` accepts one. */
function scanLineStarts(text: string, from: number, out: number[], stop: (start: number) => boolean): void {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      out.push(i + 1);
      if (stop(i + 1)) {
        return;
      }
    }
  }
}

/** A new version of a file and how its lines relate to the previous version's. */
export interface ReindexedFile {
  readonly file: SourceFile;
  /** Lines before this one are the previous version's lines, same text, same offsets. */
  readonly head: number;
  /**
   * From `newLine` on, every line is the previous version's line
   * `newLine - lineShift`, with the same text, `offsetShift` further.
   */
  readonly tail: { readonly newLine: number; readonly lineShift: number; readonly offsetShift: number } | undefined;
}

/**
 * The source file of `text`, a new version of `previous` that is unchanged
 * in its first `prefix` and last `suffix` characters: only the line starts
 * in between are scanned, the others are copied or shifted.
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
  return { file: { path: previous.path, text, lineStarts, lineBreak: lineBreakOf(text) }, head, tail };
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

export function positionAt(file: SourceFile, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((file.lineStarts[mid] ?? 0) <= clamped) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return { line: lo, character: clamped - (file.lineStarts[lo] ?? 0) };
}

export function offsetAt(file: SourceFile, position: Position): number {
  if (position.line < 0) {
    return 0;
  }
  if (position.line >= file.lineStarts.length) {
    return file.text.length;
  }
  const start = file.lineStarts[position.line] ?? 0;
  const next = file.lineStarts[position.line + 1] ?? file.text.length;
  return Math.min(start + Math.max(0, position.character), next);
}

/** 0-based line number of an offset. */
export function lineOf(file: SourceFile, offset: number): number {
  return positionAt(file, offset).line;
}
