import { createToken, Lexer } from 'chevrotain';

/*
 * Tokens of haproxy.cfg. HAProxy splits a line into words itself, so one
 * `Word` token is one whole word: any run of bare characters, backslash
 * escapes, "weak" and 'strong' quoted pieces with no blank between them
 * (`"a"'b'c` is the single word `abc`). Keywords are data (model/directives.ts),
 * never tokens.
 *
 * Order matters: `Word` must be tried before `UnclosedQuote`, so that a quote
 * that does close is part of a word, and only a quote left open to the end of
 * the line falls through to `UnclosedQuote`.
 */

/**
 * What a statement is made of besides its comment: words, and the tokens
 * HAProxy refuses on a line. One category, so the grammar consumes any of
 * them in one step instead of choosing among three alternatives per token.
 */
export const LineToken = createToken({ name: 'LineToken', pattern: Lexer.NA });

export const NewLine = createToken({ name: 'NewLine', pattern: /\r\n|\r|\n/, line_breaks: true });

/** Blanks only separate words: skipped, so the lexer allocates no token for them. */
export const Blank = createToken({ name: 'Blank', pattern: /[ \t\f\v]+/, group: Lexer.SKIPPED });

/** `#` outside quotes and not escaped starts a comment, even inside a word. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/ });

export const Word = createToken({
  name: 'Word',
  // Runs of plain characters are one step of a loop, not one step per character: the regular expression
  // engine keeps a backtracking entry per step, and a word of millions of characters would overflow its stack.
  // Inside double quotes a run must reach a quote, a backslash or the line end (no plain character after it), so a quote left open splits
  // its text one way only and fails in linear time (an ambiguous `(?:x+)*` would backtrack exponentially).
  pattern: /(?:[^ \t\f\v\r\n"'#\\\0]+|\\[^\r\n]?|"(?:[^"\\\r\n]+(?![^"\\\r\n])|\\[^\r\n])*"|'[^'\r\n]*')+/,
  categories: [LineToken],
  start_chars_hint: startCharsExcept(' \t\f\v\r\n#\0'),
});

/** A quote that is never closed on its line: HAProxy refuses the file. */
export const UnclosedQuote = createToken({ name: 'UnclosedQuote', pattern: /["'][^\r\n]*/, categories: [LineToken] });

/** NUL inside a line is an error for HAProxy. */
export const BadCharacter = createToken({ name: 'BadCharacter', pattern: /\0/, categories: [LineToken] });

export const configTokens = [NewLine, Blank, Comment, Word, UnclosedQuote, BadCharacter, LineToken];

export const configLexer = new Lexer(configTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

/*
 * Tokens of map files. Only a `#` in column 0 starts a comment, and there is
 * no quoting or escaping at all: a field is a run of anything but blanks.
 */

export const MapNewLine = createToken({ name: 'MapNewLine', pattern: /\r\n|\r|\n/, line_breaks: true });

export const MapBlank = createToken({ name: 'MapBlank', pattern: /[ \t]+/, group: Lexer.SKIPPED });

export const MapComment = createToken({
  name: 'MapComment',
  // Custom matcher: `#` counts as a comment only at the very start of a line.
  pattern: (text: string, offset: number): RegExpExecArray | null => {
    if (text.charCodeAt(offset) !== 35 /* # */) {
      return null;
    }
    const prev = offset === 0 ? 10 : text.charCodeAt(offset - 1);
    if (prev !== 10 && prev !== 13) {
      return null;
    }
    const re = /#[^\r\n]*/y;
    re.lastIndex = offset;
    return re.exec(text);
  },
  start_chars_hint: ['#'],
  line_breaks: false,
});

export const MapField = createToken({ name: 'MapField', pattern: /[^ \t\r\n]+/, start_chars_hint: startCharsExcept(' \t\r\n') });

export const mapTokens = [MapNewLine, MapBlank, MapComment, MapField];

export const mapLexer = new Lexer(mapTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

/**
 * Every UTF-16 code unit but `excluded`. Chevrotain cannot work out the first
 * characters of a pattern starting with a negated set, and without them it
 * tries every pattern at every token instead of only those that can start
 * with the character at hand.
 */
function startCharsExcept(excluded: string): number[] {
  const skip = new Set([...excluded].map((c) => c.charCodeAt(0)));
  const codes: number[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (!skip.has(c)) {
      codes.push(c);
    }
  }
  return codes;
}
