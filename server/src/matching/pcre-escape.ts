import { complementRanges, escapeClassRanges, MAX_UNIT, type Ranges } from './pcre-char-sets';

/** What a backslash sequence means, as parsed by parsePcreEscape. */
export type PcreEscape =
  | { readonly type: 'char'; readonly code: number; readonly next: number }
  | { readonly type: 'class'; readonly ranges: Ranges; readonly next: number }
  | { readonly type: 'assert'; readonly what: 'start' | 'end' | 'dollar' | 'word' | 'non-word'; readonly next: number }
  | { readonly type: 'backref'; readonly ref: number | string; readonly relative: boolean; readonly next: number }
  | { readonly type: 'quote' | 'end-quote'; readonly next: number }
  | { readonly type: 'invalid' | 'unsupported'; readonly message: string };

const SIMPLE: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, e: 0x1b, a: 0x07 };
const UNSUPPORTED: Record<string, string> = {
  K: '\\K (reset match start)',
  R: '\\R (newline sequence)',
  X: '\\X (extended grapheme)',
  p: '\\p{…} Unicode properties',
  P: '\\P{…} Unicode properties',
};

function readWhile(text: string, from: number, re: RegExp, max = Infinity): string {
  let end = from;
  while (end < text.length && end - from < max && re.test(text.charAt(end))) {
    end++;
  }
  return text.slice(from, end);
}

function numeric(text: string, i: number, letter: string, inClass: boolean, totalGroups: number): PcreEscape {
  if (letter === 'x') {
    if (text.charAt(i + 1) === '{') {
      const close = text.indexOf('}', i + 2);
      const hex = close < 0 ? '' : text.slice(i + 2, close);
      if (!/^[0-9a-fA-F]+$/.test(hex)) {
        return { type: 'invalid', message: 'malformed \\x{…} escape' };
      }
      const code = parseInt(hex, 16);
      return code > 0xff ? { type: 'invalid', message: 'character code point value in \\x{} is too large' } : { type: 'char', code, next: close + 1 };
    }
    const hex = readWhile(text, i + 1, /[0-9a-fA-F]/, 2);
    return { type: 'char', code: hex === '' ? 0 : parseInt(hex, 16), next: i + 1 + hex.length };
  }
  if (letter === 'o') {
    const close = text.indexOf('}', i + 2);
    const oct = text.charAt(i + 1) === '{' && close > 0 ? text.slice(i + 2, close) : '';
    if (!/^[0-7]+$/.test(oct) || parseInt(oct, 8) > 0xff) {
      return { type: 'invalid', message: 'malformed or too large \\o{…} escape' };
    }
    return { type: 'char', code: parseInt(oct, 8), next: close + 1 };
  }
  if (letter === '0') {
    const oct = readWhile(text, i + 1, /[0-7]/, 2);
    return { type: 'char', code: oct === '' ? 0 : parseInt(oct, 8), next: i + 1 + oct.length };
  }
  const digits = readWhile(text, i, /[0-9]/);
  const n = Number(digits);
  if (!inClass && (n < 10 || n <= totalGroups)) {
    return { type: 'backref', ref: n, relative: false, next: i + digits.length };
  }
  const oct = readWhile(text, i, /[0-7]/, 3);
  if (oct === '') {
    return { type: 'unsupported', message: `\\${letter} outside a backreference` };
  }
  return { type: 'char', code: parseInt(oct, 8) & 0xff, next: i + oct.length };
}

function backref(text: string, i: number, letter: string): PcreEscape {
  const open = text.charAt(i + 1);
  const closeChar: Record<string, string> = { '{': '}', '<': '>', "'": "'" };
  const close = closeChar[open];
  if (letter === 'g' && close === undefined) {
    const num = /^[+-]?\d+/.exec(text.slice(i + 1))?.[0];
    if (num === undefined) {
      return { type: 'invalid', message: 'a numbered reference must not be zero' };
    }
    return { type: 'backref', ref: Number(num), relative: num.startsWith('-') || num.startsWith('+'), next: i + 1 + num.length };
  }
  if (close === undefined) {
    return { type: 'invalid', message: '\\k is not followed by a name in braces, angle brackets or quotes' };
  }
  if (letter === 'g' && open !== '{') {
    return { type: 'unsupported', message: 'subroutine calls (\\g<…>)' };
  }
  const end = text.indexOf(close, i + 2);
  const name = end < 0 ? '' : text.slice(i + 2, end);
  if (/^[+-]?\d+$/.test(name) && letter === 'g') {
    return { type: 'backref', ref: Number(name), relative: /^[+-]/.test(name), next: end + 1 };
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return { type: 'invalid', message: 'malformed group name in backreference' };
  }
  return { type: 'backref', ref: name, relative: false, next: end + 1 };
}

/**
 * Parses the escape whose backslash is at `text[i - 1]` (so `text[i]` is the
 * letter), as PCRE2 10.42 does in non-UTF mode. `totalGroups` decides whether
 * `\12` is a backreference or an octal character. Never throws.
 */
export function parsePcreEscape(text: string, i: number, inClass: boolean, totalGroups: number): PcreEscape {
  const letter = text.charAt(i);
  if (letter === '') {
    return { type: 'invalid', message: '\\ at end of pattern' };
  }
  const simple = SIMPLE[letter];
  if (simple !== undefined) {
    return { type: 'char', code: simple, next: i + 1 };
  }
  if (/[0-9xo]/.test(letter)) {
    return numeric(text, i, letter, inClass, totalGroups);
  }
  const cls = escapeClassRanges(letter);
  if (cls !== undefined) {
    return { type: 'class', ranges: cls, next: i + 1 };
  }
  if (letter === 'c') {
    const c = text.charCodeAt(i + 1);
    if (Number.isNaN(c) || c < 0x20 || c > 0x7e) {
      return { type: 'invalid', message: '\\c must be followed by a printable ASCII character' };
    }
    return { type: 'char', code: String.fromCharCode(c).toUpperCase().charCodeAt(0) ^ 0x40, next: i + 2 };
  }
  if (letter === 'Q' || letter === 'E') {
    return { type: letter === 'Q' ? 'quote' : 'end-quote', next: i + 1 };
  }
  if (letter === 'C') {
    return { type: 'class', ranges: [[0, MAX_UNIT]], next: i + 1 };
  }
  if (inClass) {
    if (letter === 'b') {
      return { type: 'char', code: 0x08, next: i + 1 };
    }
    if (/[A-Za-z]/.test(letter)) {
      return { type: 'invalid', message: `escape sequence \\${letter} is invalid in a character class` };
    }
    return { type: 'char', code: letter.charCodeAt(0), next: i + 1 };
  }
  const asserts: Record<string, 'start' | 'end' | 'dollar' | 'word' | 'non-word'> = { A: 'start', G: 'start', z: 'end', Z: 'dollar', b: 'word', B: 'non-word' };
  const what = asserts[letter];
  if (what !== undefined) {
    return { type: 'assert', what, next: i + 1 };
  }
  if (letter === 'N' && text.charAt(i + 1) !== '{') {
    return { type: 'class', ranges: complementRanges([[0x0a, 0x0a]]), next: i + 1 };
  }
  if (letter === 'g' || letter === 'k') {
    return backref(text, i, letter);
  }
  const unsupported = UNSUPPORTED[letter];
  if (unsupported !== undefined) {
    return { type: 'unsupported', message: unsupported };
  }
  if (/[A-Za-z]/.test(letter)) {
    return { type: 'invalid', message: `unrecognized character follows \\ (\\${letter})` };
  }
  return { type: 'char', code: letter.charCodeAt(0), next: i + 1 };
}
