import { RegExpParser } from '@eslint-community/regexpp';

/**
 * The longest run of literal characters every match of a translated pattern
 * must contain ('' when none is known). Used only to skip lines that cannot
 * match: a '' result just means "always try this line".
 */
export function requiredLiteral(jsSource: string): string {
  let pattern;
  try {
    pattern = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(jsSource, 0, jsSource.length, { unicode: false });
  } catch {
    return '';
  }
  const only = pattern.alternatives.length === 1 ? pattern.alternatives[0] : undefined;
  if (only === undefined) {
    return '';
  }
  let best = '';
  let run = '';
  for (const el of only.elements) {
    if (el.type === 'Character') {
      run += String.fromCharCode(el.value);
      best = run.length > best.length ? run : best;
    } else if (el.type !== 'Assertion' || el.kind === 'lookahead' || el.kind === 'lookbehind') {
      run = '';
    } else {
      // `^`, `$`, `\b` consume nothing but separate what is on either side.
      run = '';
    }
  }
  return best;
}
