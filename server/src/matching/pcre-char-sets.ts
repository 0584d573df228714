/*
 * Character sets of PCRE2 in non-UTF mode with the default "C" locale tables
 * (HAProxy compiles without PCRE2_UCP). They are explicit ranges so classes can
 * be negated, unioned and case-folded exactly instead of trusting JavaScript's
 * Unicode-aware `\s` or its Latin-1 case folding.
 */

/** Inclusive code-unit ranges, sorted or not. */
export type Ranges = readonly (readonly [number, number])[];

/** Largest code unit a JavaScript (non-`u`) regex sees. */
export const MAX_UNIT = 0xffff;

const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: Ranges = [[0x09, 0x0d], [0x20, 0x20]];
const HSPACE: Ranges = [[0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0]];
const VSPACE: Ranges = [[0x0a, 0x0d], [0x85, 0x85]];

/** `\d \w \s \h \v` and their upper-case negations; undefined for other letters. */
export function escapeClassRanges(letter: string): Ranges | undefined {
  const base: Record<string, Ranges> = { d: DIGIT, w: WORD, s: SPACE, h: HSPACE, v: VSPACE };
  const lower = letter.toLowerCase();
  const set = base[lower];
  if (set === undefined) {
    return undefined;
  }
  return letter === lower ? set : complementRanges(set);
}

const POSIX: Record<string, Ranges> = {
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  digit: DIGIT,
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  upper: [[0x41, 0x5a]],
  lower: [[0x61, 0x7a]],
  space: SPACE,
  blank: [[0x09, 0x09], [0x20, 0x20]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
  word: WORD,
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  print: [[0x20, 0x7e]],
  graph: [[0x21, 0x7e]],
  ascii: [[0x00, 0x7f]],
};

/** A POSIX class name (`alpha`, `^digit`, …) as ranges; undefined when unknown. */
export function posixClassRanges(name: string): Ranges | undefined {
  const negated = name.startsWith('^');
  const set = POSIX[negated ? name.slice(1) : name];
  if (set === undefined) {
    return undefined;
  }
  return negated ? complementRanges(set) : set;
}

/** Sorted, merged copy. */
export function normalizeRanges(ranges: Ranges): [number, number][] {
  const sorted = [...ranges].map((r): [number, number] => [r[0], r[1]]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      out.push(r);
    }
  }
  return out;
}

export function complementRanges(ranges: Ranges): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of normalizeRanges(ranges)) {
    if (lo > next) {
      out.push([next, lo - 1]);
    }
    next = hi + 1;
  }
  if (next <= MAX_UNIT) {
    out.push([next, MAX_UNIT]);
  }
  return out;
}

/** Adds the other ASCII case of every letter in the ranges (PCRE caseless without UCP). */
export function addAsciiCase(ranges: Ranges): [number, number][] {
  const extra: [number, number][] = [];
  for (const [lo, hi] of ranges) {
    for (const [a, z, delta] of [[0x61, 0x7a, -32], [0x41, 0x5a, 32]] as const) {
      const from = Math.max(lo, a);
      const to = Math.min(hi, z);
      if (from <= to) {
        extra.push([from + delta, to + delta]);
      }
    }
  }
  return normalizeRanges([...ranges, ...extra]);
}

function unit(code: number): string {
  if (code >= 0x30 && code <= 0x39) {
    return String.fromCharCode(code);
  }
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
    return String.fromCharCode(code);
  }
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A JavaScript class for the ranges: `[...]`, `[]` when empty. */
export function renderClass(ranges: Ranges, negated = false): string {
  const body = normalizeRanges(ranges)
    .map(([lo, hi]) => (lo === hi ? unit(lo) : hi === lo + 1 ? unit(lo) + unit(hi) : `${unit(lo)}-${unit(hi)}`))
    .join('');
  return `[${negated ? '^' : ''}${body}]`;
}

/** A JavaScript escape for one code unit outside a class. */
export function renderLiteral(code: number): string {
  const c = String.fromCharCode(code);
  if (/[A-Za-z0-9_]/.test(c)) {
    return c;
  }
  if (code > 0x20 && code < 0x7f) {
    return `\\${c}`;
  }
  return unit(code);
}
