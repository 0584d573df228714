import { describe, expect, it } from 'vitest';
import { buildMapModel } from '../../../server/src/model/build-map';
import { textOf } from '../../helpers/analyze';

const entries = (text: string) => buildMapModel(text, '/t/x.map').entries.map((e) => [e.key, e.value]);

describe('map file parsing (reference §5.1)', () => {
  it('takes the first field as key and the rest of the line, trimmed, as value', () => {
    expect(entries('k1   v1\nk2\tvalue with  inner spaces  \t\n')).toEqual([
      ['k1', 'v1'],
      ['k2', 'value with  inner spaces'],
    ]);
  });

  it('treats # as a comment only in column 0', () => {
    const m = buildMapModel('# comment\n   # x y\nk v # not a comment\n', '/t/x.map');
    expect(m.comments.map((c) => c.text)).toEqual(['# comment']);
    expect(m.entries.map((e) => [e.key, e.value])).toEqual([
      ['#', 'x y'],
      ['k', 'v # not a comment'],
    ]);
  });

  it('maps a key-only line to the empty value', () => {
    expect(entries('lonely\n')).toEqual([['lonely', '']]);
  });

  it('skips blank and whitespace-only lines and strips leading blanks before the key', () => {
    expect(entries('\n   \n\t k v\n')).toEqual([['k', 'v']]);
  });

  it('reads CRLF files and a last line without a line break', () => {
    expect(entries('a 1\r\nb 2')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('has no quoting or escaping: a backslash is literal and ends nothing', () => {
    expect(entries('key\\ 4 v4\n')).toEqual([['key\\', '4 v4']]);
  });

  it('keeps duplicate keys in file order', () => {
    expect(entries('dup first\ndup second\n')).toEqual([
      ['dup', 'first'],
      ['dup', 'second'],
    ]);
  });

  it('gives exact spans for key and value and 0-based line numbers', () => {
    const text = '#h\napp\\.example\\/v2\\/   backend-a\n';
    const e = buildMapModel(text, '/t/x.map').entries[0];
    expect(e?.line).toBe(1);
    expect(textOf(text, e?.keySpan)).toBe('app\\.example\\/v2\\/');
    expect(textOf(text, e?.valueSpan)).toBe('backend-a');
  });

  it('reads the seed article map with its header comment and catch-all line', () => {
    const text = [
      '#HOST Header                                                            #HAP backend_name',
      'application-02\\.6play\\.fr\\/v2\\/critical\\/(\\w{1,45})\\/payments\\/         application-02-mixed-critical',
      'application-02\\.6play\\.fr\\/v2\\/customers\\/                              application-02-mixed',
      '',
      '# Catch ALL for application-02.6play.fr',
      'application-02\\.6play\\.fr\\/                                             application-02-on-prem',
      '',
    ].join('\n');
    const m = buildMapModel(text, '/t/domain2backend.map');
    expect(m.entries.map((e) => [e.line, e.value])).toEqual([
      [1, 'application-02-mixed-critical'],
      [2, 'application-02-mixed'],
      [5, 'application-02-on-prem'],
    ]);
    expect(m.issues).toEqual([]);
  });
});
