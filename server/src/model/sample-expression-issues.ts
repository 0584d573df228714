import type { Issue } from '../analysis/issue';
import { wordLogFormat } from './log-format';
import type { Directive, Word } from './types';

/**
 * Directives whose words HAProxy never reads as log-format strings: `%[` in
 * a server's cookie, a bind's name or an ACL pattern is plain text, and
 * `haproxy -c` accepts it.
 */
const LITERAL_DIRECTIVES: ReadonlySet<string> = new Set(['server', 'server-template', 'default-server', 'bind', 'acl']);

/**
 * `syntax/bad-sample-expression` for every `%[…]` in a directive's words that
 * HAProxy could not parse (missing `]` or `)`, empty expression, stray text).
 */
export function sampleExpressionIssues(d: Directive, file: string): Issue[] {
  const issues: Issue[] = [];
  if (LITERAL_DIRECTIVES.has(d.keyword)) {
    return issues;
  }
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < d.args.length; at++) {
    const w = d.args[at] as Word;
    if (!w.value.includes('%[') && !w.value.includes('%{')) {
      continue;
    }
    for (const part of wordLogFormat(w).parts) {
      if (part.kind === 'sample' && part.error) {
        issues.push({ code: 'syntax/bad-sample-expression', severity: 'error', message: `Invalid sample expression: ${part.error.message}`, file, span: part.error.span });
      }
    }
  }
  return issues;
}
