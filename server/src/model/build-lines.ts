import type { IToken } from 'chevrotain';
import type { Issue } from '../analysis/issue';
import type { ParsedConfig } from '../parser/parse-config';
import { unescapeWord, type EnvLookup } from '../parser/words';
import type { SourceFile } from './source-file';
import { lineOf } from './source-file';
import { spanOfToken, type Span } from './span';
import type { Word } from './types';

/** One line of haproxy.cfg as words: what the rest of the model builder reads. */
export interface ConfigLine {
  /** 0-based line number. */
  readonly line: number;
  readonly words: readonly Word[];
  readonly comment: { readonly text: string; readonly span: Span } | undefined;
  /** The line's content, from its first token to its last (no line break). */
  readonly span: Span;
  /** True when a token HAProxy cannot read (unclosed quote, NUL) is on the line. */
  readonly broken: boolean;
}

/**
 * Reads the CST into lines of words. Together with build-map.ts this is the
 * only code that reads Chevrotain's CST: everything after works on words.
 */
export function readConfigLines(parsed: ParsedConfig, file: SourceFile, env: EnvLookup, issues: Issue[]): ConfigLine[] {
  const lines: ConfigLine[] = [];
  for (const lineNode of parsed.cst.children.line ?? []) {
    for (const statement of lineNode.children.statement ?? []) {
      const c = statement.children;
      const tokens = [...(c.Word ?? []), ...(c.UnclosedQuote ?? []), ...(c.BadCharacter ?? []), ...(c.Comment ?? [])]
        .filter((t) => t.isInsertedInRecovery !== true)
        .sort((a, b) => a.startOffset - b.startOffset);
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      if (!first || !last) {
        continue;
      }
      const words: Word[] = [];
      let comment: ConfigLine['comment'];
      let broken = false;
      for (const t of tokens) {
        const name = t.tokenType.name;
        if (name === 'Comment') {
          comment = { text: t.image, span: spanOfToken(t) };
        } else if (name === 'Word') {
          words.push(toWord(t, env, file.path, issues));
        } else {
          broken = true;
        }
      }
      lines.push({ line: lineOf(file, first.startOffset), words, comment, span: { start: first.startOffset, end: spanOfToken(last).end }, broken });
    }
  }
  return lines;
}

function toWord(t: IToken, env: EnvLookup, file: string, issues: Issue[]): Word {
  const span = spanOfToken(t);
  const u = unescapeWord(t.image, span.start, env);
  for (const p of u.problems) {
    issues.push({ code: p.code, severity: 'error', message: p.message, file, span: p.span });
  }
  return { raw: t.image, value: u.value, span, rawOffsets: u.rawOffsets, envRefs: u.envRefs };
}
