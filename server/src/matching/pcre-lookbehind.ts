import { visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { getLengthRange } from 'regexp-ast-analysis';

/**
 * PCRE2 10.42 requires every top-level branch of a lookbehind to have a fixed
 * length; JavaScript does not. Returns PCRE2's complaint, or undefined.
 */
export function checkLookbehinds(pattern: AST.Pattern): string | undefined {
  let problem: string | undefined;
  const flags = { ignoreCase: false, unicode: false };
  visitRegExpAST(pattern, {
    onAssertionEnter(node) {
      if (node.kind !== 'lookbehind') {
        return;
      }
      for (const alt of node.alternatives) {
        const range = getLengthRange(alt, flags);
        if (range.min !== range.max) {
          problem = 'lookbehind assertion is not fixed length';
        }
      }
    },
  });
  return problem;
}
