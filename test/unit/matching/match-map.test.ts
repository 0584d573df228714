import { describe, expect, it } from 'vitest';
import { matchMap, prepareMap } from '../../../server/src/matching/match-map';
import type { MapMatch } from '../../../server/src/model/types';
import { buildMapModel } from '../../../server/src/model/build-map';

function lookup(text: string, match: MapMatch, input: string): { line?: number; value?: string; unsupported?: string } {
  const map = buildMapModel(text, '/t.map');
  const r = matchMap(map.entries, match, input);
  if ('unsupported' in r) {
    return { unsupported: r.unsupported };
  }
  return r.entry === undefined ? {} : { line: r.entry.line + 1, value: r.value };
}

describe('matchMap', () => {
  it('returns the first of duplicate keys for map_str (map_ordering.vtc)', () => {
    expect(lookup('dup first\ndup first_dup\n', 'str', 'dup')).toEqual({ line: 1, value: 'first' });
  });

  it('follows file order for map_dom, not specificity (map_ordering.vtc)', () => {
    const map = 'first.domain.tld first\ndomain.tld domain\nsecond.domain.tld second\n';
    expect(lookup(map, 'dom', 'first.domain.tld').value).toBe('first');
    expect(lookup(map, 'dom', 'second.domain.tld').value).toBe('domain');
  });

  it('picks the longest prefix for map_beg regardless of order', () => {
    expect(lookup('/api api\n/api/v2 apiv2\n', 'beg', '/api/v2/users').value).toBe('apiv2');
    const rev = 'com.example. example\ncom.example.mail. mail\n';
    expect(lookup(rev, 'beg', 'com.example.mail.').value).toBe('mail');
    expect(lookup(rev, 'beg', 'com.example.').value).toBe('example');
    expect(lookup(rev, 'beg', 'com.badexample.')).toEqual({});
  });

  it('searches map_reg unanchored and takes the first matching line', () => {
    const map = '/b first\n^/a/b second\n';
    expect(lookup(map, 'reg', '/x/a/b').line).toBe(1);
    expect(lookup(map, 'reg', '/a/b/c').line).toBe(1);
    expect(lookup(map, 'reg', '/a/c')).toEqual({});
  });

  it('substitutes groups in map_regm values greedily (map_regm_with_backref.vtc)', () => {
    const map = '^(.*)\\.(.*)$ \\1_AND_\\2\n';
    expect(lookup(map, 'regm', 'example.org').value).toBe('example_AND_org');
    expect(lookup(map, 'regm', 'www.example.org').value).toBe('www.example_AND_org');
    expect(lookup('^(a)(b)? x\\x41\\2\\9\\\\\n', 'regm', 'a').value).toBe('xA\\');
  });

  it('matches map_dom on whole labels with . : / ? delimiters', () => {
    const map = 'example.com ex\n';
    expect(lookup(map, 'dom', 'api.example.com:8080').value).toBe('ex');
    expect(lookup(map, 'dom', 'test1.example.com:1234/x').value).toBe('ex');
    expect(lookup(map, 'dom', 'badexample.com')).toEqual({});
    expect(lookup('.example.com. ex\n', 'dom', 'www.example.com').value).toBe('ex');
  });

  it('matches map_dir on whole path segments', () => {
    const map = '/api/ api\n';
    expect(lookup(map, 'dir', '/v1/api/users').value).toBe('api');
    expect(lookup(map, 'dir', '/v1/api?x').value).toBe('api');
    expect(lookup(map, 'dir', '/apis/x')).toEqual({});
  });

  it('takes map_sub and map_end in file order', () => {
    expect(lookup('b one\nab two\n', 'sub', 'xaby').line).toBe(1);
    expect(lookup('.com one\nexample.com two\n', 'end', 'www.example.com').line).toBe(1);
  });

  it('matches map_int ranges in file order', () => {
    const map = '1:10 small\n5 five\n:0 neg\n100: big\n';
    expect(lookup(map, 'int', '5').value).toBe('small');
    expect(lookup(map, 'int', '-3').value).toBe('neg');
    expect(lookup(map, 'int', '1000').value).toBe('big');
    expect(lookup(map, 'int', '50')).toEqual({});
    expect(lookup(map, 'int', 'abc')).toEqual({});
  });

  it('picks the most specific map_ip prefix', () => {
    const map = '10.0.0.0/8 a\n10.1.0.0/16 b\n10.1.2.3 c\n2001:db8::/32 v6\n';
    expect(lookup(map, 'ip', '10.1.2.3').value).toBe('c');
    expect(lookup(map, 'ip', '10.1.9.9').value).toBe('b');
    expect(lookup(map, 'ip', '10.9.9.9').value).toBe('a');
    expect(lookup(map, 'ip', '2001:db8::1').value).toBe('v6');
    expect(lookup(map, 'ip', '11.0.0.1')).toEqual({});
  });

  it('is case-sensitive for every kind unless the regex says (?i)', () => {
    expect(lookup('Host a\n', 'str', 'host')).toEqual({});
    expect(lookup('host a\n', 'reg', 'HOST')).toEqual({});
    expect(lookup('(?i)host a\n', 'reg', 'HOST').value).toBe('a');
  });

  it('routes the seed article map path by path', () => {
    const seed = [
      'application-02\\.6play\\.fr\\/v2\\/critical\\/(\\w{1,45})\\/payments\\/ application-02-mixed-critical',
      'application-02\\.6play\\.fr\\/v2\\/customers\\/ application-02-mixed',
      'application-02\\.6play\\.fr\\/v2\\/ application-02-on-cloud',
      'application-02\\.6play\\.fr\\/v1\\/ application-02-on-prem',
      'application-02\\.6play\\.fr\\/ application-02-on-prem',
      '',
    ].join('\n');
    expect(lookup(seed, 'reg', 'application-02.6play.fr/v2/critical/abc/payments/x').value).toBe('application-02-mixed-critical');
    expect(lookup(seed, 'reg', 'application-02.6play.fr/v2/customers/1').value).toBe('application-02-mixed');
    expect(lookup(seed, 'reg', 'application-02.6play.fr/v2/other').value).toBe('application-02-on-cloud');
    expect(lookup(seed, 'reg', 'application-02.6play.fr/home').value).toBe('application-02-on-prem');
    expect(lookup(seed, 'reg', 'other.6play.fr/home')).toEqual({});
  });

  it('finds the winner among earlier lines only with lookupBefore', () => {
    const map = buildMapModel('^/a/b first\n/b second\n/a third\n', '/t.map');
    const prepared = prepareMap(map.entries, 'reg');
    const before = (input: string, limit: number): number | undefined => {
      const r = prepared.lookupBefore(input, limit);
      return 'entry' in r && r.entry !== undefined ? r.entry.line + 1 : undefined;
    };
    expect(before('/a/b', 3)).toBe(1);
    expect(before('/x/a/b', 3)).toBe(2);
    expect(before('/x/a/b', 1)).toBeUndefined();
    expect(before('/a', 2)).toBeUndefined();
    expect(before('/a', 3)).toBe(3);
    expect(prepared.indexOf(map.entries[2] as (typeof map.entries)[number])).toBe(2);
  });

  it('drops a map_beg winner at or after the lookupBefore limit', () => {
    const map = buildMapModel('/api api\n/api/v2 apiv2\n', '/t.map');
    const r = prepareMap(map.entries, 'beg').lookupBefore('/api/v2/x', 1);
    expect('entry' in r && r.entry).toBeUndefined();
  });
});

