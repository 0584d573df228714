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

  it('stops running a pattern that ran into the bound three times, instead of paying the bound on every search', () => {
    const re = compileRegex('^(a+)+\\1$', { caseless: false });
    for (let i = 0; i < 3; i++) {
      expect(re.search(`${'a'.repeat(40 + i)}b`)).toEqual({ status: 'limit' });
    }
    // 'aa' would match at once if the pattern were still run.
    expect(re.search('aa')).toEqual({ status: 'limit' });
    // Compiled regexes are shared by pattern: the same pattern written otherwise is a fresh one.
    expect(compileRegex('^(?:(a+))+\\1$', { caseless: false }).search('aa')).toMatchObject({ matched: true });
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
