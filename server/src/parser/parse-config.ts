import type { IToken } from 'chevrotain';
import type { Issue } from '../analysis/issue';
import { spanOfToken } from '../model/span';
import { configParser, type ConfigStatement } from './grammar';
import { BadCharacter, configLexer, UnclosedQuote } from './tokens';

export interface ParsedConfig {
  /** The non-blank lines, in order. */
  readonly statements: readonly ConfigStatement[];
  readonly syntaxIssues: readonly Issue[];
}

/**
 * Tokenizes and parses haproxy.cfg text. Never throws: problems HAProxy
 * itself would refuse while tokenizing come back as `syntax/*` issues, and
 * recovery keeps the damage to the broken line.
 */
export function parseConfig(text: string, file: string): ParsedConfig {
  const lexed = configLexer.tokenize(text);
  const syntaxIssues: Issue[] = [];
  for (const e of lexed.errors) {
    syntaxIssues.push({
      code: 'syntax/unexpected-character',
      severity: 'error',
      message: `Unexpected character ${JSON.stringify(text.slice(e.offset, e.offset + e.length))}`,
      file,
      span: { start: e.offset, end: e.offset + e.length },
    });
  }
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < lexed.tokens.length; at++) {
    const t = lexed.tokens[at] as IToken;
    if (t.tokenType === UnclosedQuote) {
      syntaxIssues.push({ code: 'syntax/unterminated-quote', severity: 'error', message: `Unmatched quote ${t.image[0]}: HAProxy refuses the file`, file, span: spanOfToken(t) });
    } else if (t.tokenType === BadCharacter) {
      syntaxIssues.push({ code: 'syntax/unexpected-character', severity: 'error', message: 'NUL character inside a line', file, span: spanOfToken(t) });
    }
  }
  configParser.input = lexed.tokens;
  const statements = configParser.configFile();
  for (const e of configParser.errors) {
    const t = e.token;
    const start = Number.isFinite(t.startOffset) ? t.startOffset : text.length;
    syntaxIssues.push({ code: 'syntax/unexpected-character', severity: 'error', message: e.message, file, span: { start, end: start + Math.max(1, t.image.length) } });
  }
  // The parser is shared: left in place, the input would keep every token of the file alive until the next parse.
  configParser.input = [];
  const missing = missingFinalNewline(text, file);
  if (missing) {
    syntaxIssues.push(missing);
  }
  return { statements, syntaxIssues };
}

/**
 * `syntax/missing-final-newline` (with the fix that adds it) when a non-empty
 * text does not end with a line break: HAProxy refuses such a file.
 */
export function missingFinalNewline(text: string, file: string): Issue | undefined {
  const last = text.charCodeAt(text.length - 1);
  if (text.length === 0 || last === 10 || last === 13) {
    return undefined;
  }
  const end = { start: text.length, end: text.length };
  return {
    code: 'syntax/missing-final-newline',
    severity: 'error',
    message: 'Missing line break on the last line: HAProxy refuses the file as possibly truncated',
    file,
    span: end,
    fixes: [{ title: 'Add a final line break', edits: [{ file, span: end, newText: text.includes('\r\n') ? '\r\n' : '\n' }] }],
  };
}
