import type { Issue } from '../analysis/issue';
import { mapParser, type MapStatement } from './grammar';
import { mapLexer } from './tokens';

export interface ParsedMap {
  /** The non-blank lines, in order. */
  readonly statements: readonly MapStatement[];
  readonly syntaxIssues: readonly Issue[];
}

/** Tokenizes and parses a map file (reference §5.1). Never throws. */
export function parseMapFile(text: string, file: string): ParsedMap {
  const lexed = mapLexer.tokenize(text);
  const syntaxIssues: Issue[] = lexed.errors.map((e) => ({
    code: 'syntax/unexpected-character' as const,
    severity: 'error' as const,
    message: `Unexpected character ${JSON.stringify(text.slice(e.offset, e.offset + e.length))}`,
    file,
    span: { start: e.offset, end: e.offset + e.length },
  }));
  mapParser.input = lexed.tokens;
  const statements = mapParser.mapFile();
  for (const e of mapParser.errors) {
    const start = Number.isFinite(e.token.startOffset) ? e.token.startOffset : text.length;
    syntaxIssues.push({ code: 'syntax/unexpected-character', severity: 'error', message: e.message, file, span: { start, end: start + 1 } });
  }
  // The parser is shared: left in place, the input would keep every token of the file alive until the next parse.
  mapParser.input = [];
  return { statements, syntaxIssues };
}
