import { offsetOf, positionAtLine, type SourceFile } from '../../model/source-file';
import type { Span } from '../../model/span';
import type { Directive, Word } from '../../model/types';
import type { TextEdit } from '../issue';

/** The blanks before the first word of a 0-based line ('' past the end). */
export function lineIndent(file: SourceFile, line: number): string {
  const start = file.lineStarts[line];
  if (start === undefined) {
    return '';
  }
  return /^[ \t]*/.exec(file.text.slice(start, start + 200))?.[0] ?? '';
}

/** Inserts `text` as a whole new line above 0-based `line`, indented like it. */
export function insertLineAbove(file: SourceFile, line: number, text: string): TextEdit {
  const at = positionAtLine(file, line);
  return { file: file.path, span: { start: at, end: at }, newText: `${lineIndent(file, line)}${text}${lineBreakOf(file)}` };
}

/** Replaces a span of `file` with `newText`. */
export function replaceSpan(file: SourceFile, span: Span, newText: string): TextEdit {
  return { file: file.path, span, newText };
}

/**
 * Removes a setting (`weight 25`) from a line together with the blanks before
 * it, so the line keeps single separators.
 */
export function removeWords(file: SourceFile, first: Word, last: Word | undefined): TextEdit {
  // Blanks before a word are on its line: stepping back one column is stepping back one character.
  let start = first.span.start;
  let offset = offsetOf(file, start);
  while (offset > 0 && (file.text[offset - 1] === ' ' || file.text[offset - 1] === '\t')) {
    offset--;
    start--;
  }
  return { file: file.path, span: { start, end: (last ?? first).span.end }, newText: '' };
}

/** Appends ` text` after the last word of a directive (before any comment). */
export function appendToDirective(file: SourceFile, d: Directive, text: string): TextEdit {
  const last = d.words[d.words.length - 1];
  const at = last ? last.span.end : d.keywordSpan.end;
  return { file: file.path, span: { start: at, end: at }, newText: ` ${text}` };
}

function lineBreakOf(file: SourceFile): string {
  return file.lineBreak;
}

const PLAIN_WORD = /^[A-Za-z0-9!%&()*+,\-./:;<=>?@[\]^_`{|}~]+$/;

/**
 * Writes `value` as one haproxy.cfg word: as is when it needs no quoting,
 * otherwise in double quotes with `"`, `\` and `$` escaped (reference §1.3).
 */
export function configWord(value: string): string {
  if (PLAIN_WORD.test(value)) {
    return value;
  }
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
