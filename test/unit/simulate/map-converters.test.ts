import { describe, expect, it } from 'vitest';
import { load, route } from './simulate-helpers';

/** A frontend whose backend name is `be_` + the expression's value, with `be_default` as the fallback. */
function via(expr: string, map: string): (url: string, headers?: { name: string; value: string }[]) => string | null {
  const backends = ['first', 'first_dup', 'domain', 'mail', 'example', 'miss', 'apiv2', 'api', 'b', 'a', 'default', 'test1_be', 'test3_be', 'small', 'five', 'net8', 'net16', 'host', 'www.example_AND_org', 'example_AND_org', 'x']
    .map((n) => `backend be_${n}\n  server s 10.0.0.1:80`).join('\n');
  const l = load(`frontend fe\n  bind :80\n  use_backend be_%[${expr}]\n  default_backend be_default\n${backends}\n`, { '/m.map': map });
  return (url, headers) => route(l, headers ? { url, headers } : url).backend?.replace(/^be_/, '') ?? null;
}

describe('map converters (reference §5.3, reg-tests of §7)', () => {
  it('map_dom follows file order and map_str returns the first duplicate (map_ordering.vtc)', () => {
    const dom = via('req.hdr(host),map_dom(/m.map)', 'first.domain.tld first\ndomain.tld domain\nsecond.domain.tld second\n');
    expect(dom('http://first.domain.tld/')).toBe('first');
    expect(dom('http://second.domain.tld/')).toBe('domain');
    const str = via('req.hdr(host),map_str(/m.map)', 'dup first\ndup first_dup\n');
    expect(str('http://dup/')).toBe('first');
  });

  it('map_beg returns the longest matching prefix whatever the file order (reverse_dom.vtc)', () => {
    const beg = via('path,map_beg(/m.map,miss)', '/com.example. example\n/com.example.mail. mail\n');
    expect(beg('http://x/com.example.mail.')).toBe('mail');
    expect(beg('http://x/com.example.')).toBe('example');
    expect(beg('http://x/com.badexample.')).toBe('miss');
    const api = via('path,map_beg(/m.map)', '/api api\n/api/v2 apiv2\n');
    expect(api('http://x/api/v2/users')).toBe('apiv2');
  });

  it('map_regm expands back-references greedily (map_regm_with_backref.vtc)', () => {
    const regm = via('req.hdr(host),map_regm(/m.map)', '^(.*)\\.(.*)$ \\1_AND_\\2\n');
    expect(regm('http://example.org/')).toBe('example_AND_org');
    expect(regm('http://www.example.org/')).toBe('www.example_AND_org');
  });

  it('map_reg is an unanchored, case-sensitive search that stops at the first line in file order', () => {
    const reg = via('path,map_reg(/m.map)', '/b b\n^/a/b a\n');
    expect(reg('http://x/x/a/b')).toBe('b');
    expect(reg('http://x/a/b/c')).toBe('b');
    const ci = via('path,map_reg(/m.map,miss)', '^/API api\n(?i)^/x x\n');
    expect(ci('http://x/api')).toBe('miss');
    expect(ci('http://x/X')).toBe('x');
  });

  it('routes on a lower-cased Host without its port through map_dom (map_redirect.vtc)', () => {
    const dom = via('req.hdr(Host),lower,map_dom(/m.map,test3_be)', 'test1.example.com test1_be\n');
    expect(dom('http://TEST1.example.com:1234/')).toBe('test1_be');
    expect(dom('http://unknown.example.com/')).toBe('test3_be');
  });

  it('map_int takes the first matching range and map_ip the most specific network', () => {
    const int = via('req.hdr(x-n),map_int(/m.map)', '1:10 small\n5 five\n');
    expect(int('http://x/', [{ name: 'X-N', value: '5' }])).toBe('small');
    expect(route(load('frontend fe\n  bind :80\n  use_backend be_%[src,map_ip(/m.map)]\nbackend be_net16\n  server s 10.0.0.1:80\n', { '/m.map': '10.0.0.0/8 net8\n10.1.0.0/16 net16\n' }), { url: 'http://x/', src: '10.1.9.9' }).backend).toBe('be_net16');
  });

  it('applies lower, upper, field, word and regsub like HAProxy', () => {
    expect(via('path,field(3,/)', '')('http://x/p/a/q')).toBe('a');
    expect(via('path,word(2,/)', '')('http://x//p//x')).toBe('x');
    expect(via('path,regsub(^/+,),regsub(/.*,),lower', '')('http://x//API/v1')).toBe('api');
    expect(via('req.hdr(host),field(1,.),upper,lower', '')('http://Mail.example.com/')).toBe('mail');
  });

  it('answers a catastrophic regex in bounded time instead of freezing', () => {
    const l = load('frontend fe\n  bind :80\n  use_backend %[path,map_reg(/m.map,be_x)]\nbackend be_x\n  server s 10.0.0.1:80\n', { '/m.map': '^/(a+)+$ be_x\n' });
    const started = Date.now();
    const r = route(l, `http://x/${'a'.repeat(40)}!`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.backend).toBe('be_x');
    expect(r.mapMatch).toBeNull();
    expect(r.unsupported).toEqual([]);
  });

  it('names a missing map file instead of guessing', () => {
    const l = load('frontend fe\n  bind :80\n  use_backend %[path,map_str(/nowhere.map,be_x)]\nbackend be_x\n  server s 10.0.0.1:80\n');
    expect(route(l, 'http://x/').unsupported[0]).toMatch(/^cannot simulate: map file \/nowhere\.map was not found/);
  });
});
