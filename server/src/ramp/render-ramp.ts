import type { Server, Word } from '../model/types';
import { offsetOf, type SourceFile } from '../model/source-file';
import type { Span } from '../model/span';
import type { ServerChange } from './plan-ramp';

/** One replacement in a file's text: `span` (positions, as in the model) becomes `newText`. */
export interface TextReplacement {
  readonly span: Span;
  readonly newText: string;
}

/** Where new words go on a server line: after its last word, before any comment. */
function lineEnd(server: Server): number {
  const words = server.directive.words;
  return words[words.length - 1]?.span.end ?? server.directive.keywordSpan.end;
}

/** Removes a word with the blanks before it, so adding then removing ` backup` restores the bytes. */
function removeWord(file: SourceFile, word: Word): TextReplacement {
  // The blanks are on the word's line: one character back is one column back.
  let start = word.span.start;
  let offset = offsetOf(file, start);
  while (offset > 0 && (file.text[offset - 1] === ' ' || file.text[offset - 1] === '\t')) {
    offset--;
    start--;
  }
  return { span: { start, end: word.span.end }, newText: '' };
}

function weightEdits(change: ServerChange): TextReplacement[] {
  if (change.before.weight === change.after.weight) {
    return [];
  }
  const word = change.server.settings.weightWord;
  if (word) {
    return [{ span: word.span, newText: String(change.after.weight) }];
  }
  const at = lineEnd(change.server);
  return [{ span: { start: at, end: at }, newText: ` weight ${change.after.weight}` }];
}

function backupEdits(file: SourceFile, change: ServerChange): TextReplacement[] {
  if (change.before.backup === change.after.backup) {
    return [];
  }
  const at = lineEnd(change.server);
  if (change.after.backup) {
    return [{ span: { start: at, end: at }, newText: ' backup' }];
  }
  const word = change.server.settings.backupWord;
  // `backup` inherited from default-server is switched off on the line itself.
  return word ? [removeWord(file, word)] : [{ span: { start: at, end: at }, newText: ' no-backup' }];
}

/**
 * The minimal edits of `file` (the config file the plan was made from: the
 * positions of `changes` are its positions) that carry out `changes`: weight values are replaced in place, ` weight N` / ` backup`
 * are appended after a server line's last word when missing, and a `backup`
 * word is removed with the blanks before it. Every other byte is untouched.
 *
 * Contract: pure; edits are sorted by offset and never overlap (a weight
 * insertion and a backup insertion at the same offset are merged).
 */
export function renderRampEdits(file: SourceFile, changes: readonly ServerChange[]): TextReplacement[] {
  const edits = changes.flatMap((c) => {
    const own = [...weightEdits(c), ...backupEdits(file, c)];
    const inserts = own.filter((e) => e.span.start === e.span.end);
    const others = own.filter((e) => e.span.start !== e.span.end);
    const first = inserts[0];
    return first ? [...others, { span: first.span, newText: inserts.map((e) => e.newText).join('') }] : others;
  });
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Applies non-overlapping replacements to the text of `file`.
 *
 * Contract: `edits` refer to positions of `file` (a model's file, whose line
 * keys are its own; see span.ts); they are applied from the end so earlier
 * ones stay valid. Overlapping edits are a programmer error.
 */
export function applyReplacements(file: SourceFile, edits: readonly TextReplacement[]): string {
  let out = file.text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, offsetOf(file, e.span.start)) + e.newText + out.slice(offsetOf(file, e.span.end));
  }
  return out;
}
