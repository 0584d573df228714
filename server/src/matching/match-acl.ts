import { compileRegex } from './compile-regex';
import { inRange, parseIntInput, parseIntRange, type IntRange } from './int-range';
import { parseIpAddress, parseIpPrefix, prefixContains } from './ip-prefix';
import { DIR_DELIMITERS, DOM_DELIMITERS, matchWord } from './match-word';

export type AclMethod = 'str' | 'beg' | 'end' | 'sub' | 'dir' | 'dom' | 'reg' | 'len' | 'int' | 'ip' | 'found' | 'bool';

/** A fetched sample; undefined when the fetch failed (missing header, …). */
export type AclValue = string | number | boolean | undefined;

export type AclMatchResult = boolean | { readonly unsupported: string };

const OPERATORS: Record<string, (r: IntRange) => IntRange> = {
  eq: (r) => r,
  ge: (r) => ({ lo: r.lo, hi: Infinity }),
  gt: (r) => ({ lo: r.lo + 1, hi: Infinity }),
  le: (r) => ({ lo: -Infinity, hi: r.hi }),
  lt: (r) => ({ lo: -Infinity, hi: r.hi - 1 }),
};

/** `int`/`len` patterns: ranges, with `eq ge gt le lt` applying to the next pattern. */
function intPatterns(patterns: readonly string[]): IntRange[] {
  const out: IntRange[] = [];
  let op: ((r: IntRange) => IntRange) | undefined;
  for (const p of patterns) {
    const next = OPERATORS[p];
    if (next !== undefined) {
      op = next;
      continue;
    }
    const r = parseIntRange(p);
    if (r !== undefined) {
      out.push(op === undefined ? r : op(r));
    }
  }
  return out;
}

const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * Whether an ACL with match method `method` and `patterns` matches `value`
 * (reference §5.6, §4.3): true when any pattern matches. A failed fetch
 * (undefined) never matches, except that `found` reports it as false too.
 * `ignoreCase` is the `-i` flag (ASCII folding, caseless regex).
 */
export function matchAclPattern(method: AclMethod, patterns: readonly string[], value: AclValue, opts: { readonly ignoreCase: boolean }): AclMatchResult {
  if (value === undefined) {
    return false;
  }
  if (method === 'found') {
    return true;
  }
  if (method === 'bool') {
    return typeof value === 'boolean' ? value : Number(value) !== 0 && !Number.isNaN(Number(value));
  }
  const text = String(value);
  if (method === 'int' || method === 'len') {
    const n = method === 'len' ? text.length : typeof value === 'number' ? value : parseIntInput(text);
    return n !== undefined && intPatterns(patterns).some((r) => inRange(r, n));
  }
  if (method === 'ip') {
    const addr = parseIpAddress(text);
    return addr !== undefined && patterns.some((p) => {
      const prefix = parseIpPrefix(p);
      return prefix !== undefined && prefixContains(prefix, addr);
    });
  }
  if (method === 'reg') {
    for (const p of patterns) {
      const r = compileRegex(p, { caseless: opts.ignoreCase, noAutoCapture: true }).search(text);
      if ('status' in r) {
        return { unsupported: r.status === 'limit' ? `regex ${p} hit the backtracking bound` : r.reason };
      }
      if (r.matched) {
        return true;
      }
    }
    return false;
  }
  const input = opts.ignoreCase ? lower(text) : text;
  const keys = opts.ignoreCase ? patterns.map(lower) : patterns;
  const test: Record<'str' | 'beg' | 'end' | 'sub' | 'dir' | 'dom', (k: string) => boolean> = {
    str: (k) => input === k,
    beg: (k) => input.startsWith(k),
    end: (k) => input.endsWith(k),
    sub: (k) => input.includes(k),
    dir: (k) => matchWord(k, input, DIR_DELIMITERS),
    dom: (k) => matchWord(k, input, DOM_DELIMITERS),
  };
  return keys.some(test[method]);
}
