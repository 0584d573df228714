import { inRange, parseIntInput, parseIntRange } from '../matching/int-range';
import { parseIpAddress, parseIpPrefix, prefixContains } from '../matching/ip-prefix';
import { DIR_DELIMITERS, DOM_DELIMITERS, matchWord } from '../matching/match-word';
import { regexSearch } from './matching-port';

/** ACL match methods (`-m`, fetch suffixes, or the sample type's default). */
export type AclMatchMethod = 'found' | 'bool' | 'int' | 'ip' | 'str' | 'sub' | 'reg' | 'beg' | 'end' | 'dir' | 'dom' | 'len' | 'bin';

/** true / false, or why the match cannot be simulated. */
export type PatternOutcome = boolean | { readonly unsupported: string };

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  eq: (a, b) => a === b, ge: (a, b) => a >= b, gt: (a, b) => a > b, le: (a, b) => a <= b, lt: (a, b) => a < b,
};

/**
 * Whether one sample value matches one ACL pattern (configuration.txt §7.1).
 * `ignoreCase` is `-i`, which applies to string methods and regexes only.
 */
export function matchAclPattern(method: AclMatchMethod, pattern: string, value: string, ignoreCase: boolean): PatternOutcome {
  const fold = (s: string): string => (ignoreCase ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);
  switch (method) {
    case 'str':
      return fold(value) === fold(pattern);
    case 'sub':
      return fold(value).includes(fold(pattern));
    case 'beg':
      return fold(value).startsWith(fold(pattern));
    case 'end':
      return fold(value).endsWith(fold(pattern));
    case 'dir':
      return matchWord(pattern, value, DIR_DELIMITERS, ignoreCase);
    case 'dom':
      return matchWord(pattern, value, DOM_DELIMITERS, ignoreCase);
    case 'reg': {
      const r = regexSearch(pattern, value, ignoreCase, false);
      return r.kind === 'ok' ? r.value !== null : { unsupported: r.reason };
    }
    case 'len':
      return intMatch(pattern, value.length);
    case 'int': {
      const n = parseIntInput(value);
      return n === undefined ? false : intMatch(pattern, n);
    }
    case 'ip': {
      const addr = parseIpAddress(value);
      const prefix = parseIpPrefix(pattern);
      return addr !== undefined && prefix !== undefined && prefixContains(prefix, addr);
    }
    case 'bool':
    case 'found':
      return { unsupported: `cannot simulate: -m ${method} does not take patterns` };
    case 'bin':
      return { unsupported: 'cannot simulate: -m bin (hex patterns) is not modelled' };
  }
}

function intMatch(pattern: string, n: number): PatternOutcome {
  const range = parseIntRange(pattern);
  if (range !== undefined) {
    return inRange(range, n);
  }
  return { unsupported: `cannot simulate: integer pattern '${pattern}'` };
}

/** Integer patterns may be written `op value` (`gt 3`): returns the operator form when it is one. */
export function intOperator(words: readonly string[]): ((n: number) => boolean) | undefined {
  const [op, v] = words;
  const f = op === undefined ? undefined : INT_OPS[op];
  if (f === undefined || v === undefined || parseIntInput(v) === undefined) {
    return undefined;
  }
  const b = Number(v);
  return (n) => f(n, b);
}
