import type { LineTemplate, ProblemTemplate, WordTemplate } from './line-templates';
import type { EnvReference } from '../parser/words';

/*
 * Most lines of a config are plain words: no quote, backslash, `$` or NUL,
 * and at most a trailing comment. Such a line reads the same with or without
 * the grammar: each run of non-blank characters is one word whose value is
 * its text, and a `#` starts a comment that runs to the end of the line.
 * Splitting them here spares the lexer and parser most of a file, which is
 * what a first open spends most of its time reading; every other line goes
 * through the grammar (line-templates.ts). A property test holds the two
 * readings equal on lines of every kind.
 */

/** A character after which a line needs the grammar (in front of its comment, if any). */
const GRAMMAR_NEEDED = /["'\\$\0\r\n#]/;
const LINE_BREAK = /[\r\n]/;

const NO_REFS: readonly EnvReference[] = [];
const NO_PROBLEMS: readonly ProblemTemplate[] = [];

/**
 * The template of a plain line (undefined when it is blank), or `null` when
 * the line has a character only the grammar reads right.
 */
export function plainLineTemplate(text: string): LineTemplate | undefined | null {
  const special = text.search(GRAMMAR_NEEDED);
  let wordsEnd = text.length;
  let comment: LineTemplate['comment'];
  if (special >= 0) {
    // A comment takes anything but a line break; any other special character needs the grammar.
    if (text.charCodeAt(special) !== 35 /* # */ || LINE_BREAK.test(text.slice(special))) {
      return null;
    }
    wordsEnd = special;
    comment = { text: text.slice(special), start: special, end: text.length };
  }
  const words: WordTemplate[] = [];
  let at = 0;
  while (at < wordsEnd) {
    while (at < wordsEnd && isBlank(text.charCodeAt(at))) {
      at++;
    }
    if (at === wordsEnd) {
      break;
    }
    const start = at;
    while (at < wordsEnd && !isBlank(text.charCodeAt(at))) {
      at++;
    }
    const raw = text.slice(start, at);
    words.push({ raw, value: raw, start, end: at, rawOffsets: undefined, envRefs: NO_REFS });
  }
  const first = words[0];
  const last = comment ?? words[words.length - 1];
  if (!first && !comment) {
    return undefined;
  }
  // Blanks hold no `%`, so the text before the comment holds one exactly when a word does.
  const percent = (special >= 0 ? text.lastIndexOf('%', special) : text.indexOf('%')) >= 0;
  return { words, comment, start: first?.start ?? (comment as { start: number }).start, end: (last as { end: number }).end, problems: NO_PROBLEMS, percent };
}

/** What the lexer skips between words: space, tab, form feed, vertical tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}
