import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../../server/src/matching/compile-regex';

describe('compileRegex', () => {
  it('answers a catastrophic pattern in linear time', () => {
    const re = compileRegex('^(a+)+$', { caseless: false });
    const start = performance.now();
    expect(re.search(`${'a'.repeat(50)}b`)).toEqual({ matched: false });
    expect(re.search('a'.repeat(50))).toEqual({ matched: true });
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('reports the bound, not a hang, when a non-regular pattern backtracks forever', () => {
    const re = compileRegex('^(a+)+\\1$', { caseless: false });
    const start = performance.now();
    expect(re.search(`${'a'.repeat(40)}b`)).toEqual({ status: 'limit' });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('stops running a pattern that ran into the bound three times on inputs at least as long, and still runs shorter ones', () => {
    const re = compileRegex('^(a+)+\\1$', { caseless: false });
    for (let i = 0; i < 3; i++) {
      expect(re.search(`${'a'.repeat(40 + i)}b`)).toEqual({ status: 'limit' });
    }
    const start = performance.now();
    expect(re.search(`${'a'.repeat(60)}b`)).toEqual({ status: 'limit' });
    // Not run: running it would take the bound twice.
    expect(performance.now() - start).toBeLessThan(50);
    // Compiled regexes are shared by pattern: a short input elsewhere is still answered.
    expect(re.search('aa')).toMatchObject({ matched: true });
  });

  it('searches unanchored and returns groups in PCRE numbering', () => {
    const re = compileRegex('(?>x)(\\w+)\\.(\\w+)', { caseless: false });
    expect(re.search('--xab.cd--', { captures: true })).toEqual({ matched: true, groups: ['xab.cd', 'ab', 'cd'] });
  });

  it('matches bytes, as PCRE2 without UTF does', () => {
    expect(compileRegex('^.{2}$', { caseless: false }).search('é')).toEqual({ matched: true });
  });

  it('caches compiled patterns by pattern and flags', () => {
    expect(compileRegex('abc', { caseless: false })).toBe(compileRegex('abc', { caseless: false }));
    expect(compileRegex('abc', { caseless: true })).not.toBe(compileRegex('abc', { caseless: false }));
  });

  it('reports invalid and unsupported patterns on search', () => {
    expect(compileRegex('(a', { caseless: false }).search('a')).toMatchObject({ status: 'invalid' });
    expect(compileRegex('(?R)', { caseless: false }).search('a')).toMatchObject({ status: 'unsupported' });
  });
});
