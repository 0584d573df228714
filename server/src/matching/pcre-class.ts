import { posixClassRanges, type Ranges } from './pcre-char-sets';
import { parsePcreEscape } from './pcre-escape';

export type PcreClass =
  | { readonly ok: true; readonly negated: boolean; readonly ranges: Ranges; readonly next: number }
  | { readonly ok: false; readonly kind: 'invalid' | 'unsupported'; readonly message: string };

type Item = { readonly single: number | undefined; readonly ranges: Ranges; readonly next: number } | { readonly error: PcreClass & { ok: false } };

function item(text: string, i: number, totalGroups: number): Item {
  const c = text.charAt(i);
  if (c === '[') {
    const m = /^\[:(\^?[a-z]+):\]/.exec(text.slice(i));
    if (m !== null) {
      const ranges = posixClassRanges(m[1] ?? '');
      if (ranges === undefined) {
        return { error: { ok: false, kind: 'invalid', message: `unknown POSIX class name ${m[1] ?? ''}` } };
      }
      return { single: undefined, ranges, next: i + m[0].length };
    }
    if (/^\[[.=]/.test(text.slice(i))) {
      return { error: { ok: false, kind: 'invalid', message: 'POSIX collating elements are not supported' } };
    }
  }
  if (c === '\\') {
    const e = parsePcreEscape(text, i + 1, true, totalGroups);
    switch (e.type) {
      case 'char':
        return { single: e.code, ranges: [[e.code, e.code]], next: e.next };
      case 'class':
        return { single: undefined, ranges: e.ranges, next: e.next };
      case 'invalid':
      case 'unsupported':
        return { error: { ok: false, kind: e.type, message: e.message } };
      default:
        // \Q…\E is handled by the caller; anything else cannot appear in a class.
        return { error: { ok: false, kind: 'unsupported', message: 'this escape inside a character class' } };
    }
  }
  const code = text.charCodeAt(i);
  return { single: code, ranges: [[code, code]], next: i + 1 };
}

/**
 * Parses a PCRE2 character class whose `[` is at `text[start - 1]`. Handles a
 * leading `]` as a literal, POSIX classes, `\Q…\E`, ranges and escapes. The
 * result is explicit code-unit ranges (not yet case-folded).
 */
export function parsePcreClass(text: string, start: number, totalGroups: number): PcreClass {
  let i = start;
  const negated = text.charAt(i) === '^';
  if (negated) {
    i++;
  }
  const ranges: (readonly [number, number])[] = [];
  let first = true;
  let quoting = false;
  while (i < text.length) {
    if (quoting) {
      if (text.startsWith('\\E', i)) {
        quoting = false;
        i += 2;
      } else {
        ranges.push([text.charCodeAt(i), text.charCodeAt(i)]);
        i++;
      }
      first = false;
      continue;
    }
    if (text.startsWith('\\Q', i) || text.startsWith('\\E', i)) {
      quoting = text.charAt(i + 1) === 'Q';
      i += 2;
      continue;
    }
    if (text.charAt(i) === ']' && !first) {
      return { ok: true, negated, ranges, next: i + 1 };
    }
    first = false;
    const lo = item(text, i, totalGroups);
    if ('error' in lo) {
      return lo.error;
    }
    i = lo.next;
    if (text.charAt(i) === '-' && text.charAt(i + 1) !== ']' && i + 1 < text.length && lo.single !== undefined) {
      const hi = item(text, i + 1, totalGroups);
      if ('error' in hi) {
        return hi.error;
      }
      if (hi.single === undefined) {
        return { ok: false, kind: 'invalid', message: 'invalid range in character class' };
      }
      if (hi.single < lo.single) {
        return { ok: false, kind: 'invalid', message: 'range out of order in character class' };
      }
      ranges.push([lo.single, hi.single]);
      i = hi.next;
      continue;
    }
    ranges.push(...lo.ranges);
  }
  return { ok: false, kind: 'invalid', message: 'missing terminating ] for character class' };
}
