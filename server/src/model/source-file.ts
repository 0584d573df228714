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
  const firstBreak = text.indexOf('\n');
  const lineBreak = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lineStarts.push(i + 1);
    } else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) {
        i++;
      }
      lineStarts.push(i + 1);
    }
  }
  return { path, text, lineStarts, lineBreak };
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
