import { describe, expect, it } from 'vitest';
import { translatePcre } from '../../../server/src/matching/pcre-translate';

function js(pattern: string, caseless = false): RegExp {
  const t = translatePcre(pattern, { caseless });
  if (!t.ok) {
    throw new Error(t.reason);
  }
  return new RegExp(t.source, t.flags);
}

describe('translatePcre', () => {
  it('treats a leading (?i) as case-insensitive for ASCII letters only', () => {
    const re = js('(?i)^www\\.Example\\.com$');
    expect(re.test('WWW.EXAMPLE.COM')).toBe(true);
    expect(re.test('www.example.con')).toBe(false);
    expect(js('(?i)\\xe9').test('\xc9')).toBe(false);
  });

  it('scopes (?i:...) and a mid-pattern (?i) to their group', () => {
    const re = js('^a(?i:b)c');
    expect(re.test('aBc')).toBe(true);
    expect(re.test('aBC')).toBe(false);
    expect(js('^(a(?i)b)c').test('aBc')).toBe(true);
    expect(js('^(a(?i)b)c').test('aBC')).toBe(false);
  });

  it('maps \\A, \\z and \\Z / $ (which also matches before a final newline)', () => {
    expect(js('\\Aab\\z').test('ab')).toBe(true);
    expect(js('\\Aab\\z').test('ab\n')).toBe(false);
    expect(js('ab$').test('ab\n')).toBe(true);
    expect(js('ab\\Z').test('ab\n')).toBe(true);
    expect(js('ab$').test('ab\n\n')).toBe(false);
  });

  it('accepts named groups in all PCRE spellings and named backreferences', () => {
    expect(js('(?P<x>a)(?P=x)').test('aa')).toBe(true);
    expect(js("(?'x'a)\\k{x}").test('aa')).toBe(true);
    expect(js('(?<x>a)\\g{-1}').test('ab')).toBe(false);
  });

  it('translates \\h, POSIX classes and \\Q...\\E', () => {
    expect(js('a\\hb').test('a\tb')).toBe(true);
    expect(js('^[[:alpha:]]+$').test('abcXYZ')).toBe(true);
    expect(js('^[[:^digit:]]$').test('5')).toBe(false);
    expect(js('\\Q.*\\E').test('a.*b')).toBe(true);
    expect(js('\\Q.*\\E').test('ab')).toBe(false);
  });

  it('keeps PCRE2 character sets: \\s has no NBSP, . matches CR', () => {
    expect(js('^\\s$').test('\xa0')).toBe(false);
    expect(js('^\\S$').test('\xa0')).toBe(true);
    expect(js('^.$').test('\r')).toBe(true);
    expect(js('^.$').test('\n')).toBe(false);
  });

  it('reads a leading ] in a class as a literal', () => {
    expect(js('^[]a]+$').test(']a]')).toBe(true);
    expect(js('^[^]a]$').test('b')).toBe(true);
  });

  it('emulates atomic groups and possessive quantifiers', () => {
    expect(js('^a*+a').test('aaaa')).toBe(false);
    expect(js('^(?>a*)a').test('aaaa')).toBe(false);
    expect(js('^(?>ab|a)c').test('abc')).toBe(true);
  });

  it('keeps user group numbers stable after an emulated atomic group', () => {
    const t = translatePcre('(?>x)(a)\\1', { caseless: false });
    expect(t.ok && new RegExp(t.source).test('xaa')).toBe(true);
    expect(t.ok && t.groupMap[1]).toBe(2);
  });

  it('turns plain groups into non-capturing ones under NO_AUTO_CAPTURE (map_reg)', () => {
    const t = translatePcre('(a)\\1', { caseless: false, noAutoCapture: true });
    expect(t).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('rejects what PCRE2 rejects as invalid', () => {
    for (const bad of ['(a', 'a)', '*a', '\\y', '[a', '(?<=a+)b', 'a{2,1}']) {
      expect(translatePcre(bad, { caseless: false }), bad).toMatchObject({ ok: false, kind: 'invalid' });
    }
  });

  it('says "cannot simulate" for valid PCRE2 it cannot reproduce', () => {
    for (const p of ['(?R)', '(?(1)a|b)', 'a\\Kb', '(*UTF)a', '\\p{L}', '(?m)^a']) {
      const t = translatePcre(p, { caseless: false });
      expect(t, p).toMatchObject({ ok: false, kind: 'unsupported' });
      expect(!t.ok && t.reason).toMatch(/^cannot simulate: /);
    }
  });
});
