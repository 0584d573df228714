import { describe, expect, it } from 'vitest';
import type { RequestHeader } from '../../../server/src/engine';
import { load, route } from './simulate-helpers';

/** True when the condition `cond` routes the request to be_yes. */
function matches(cond: string, url: string, extra: { headers?: RequestHeader[]; method?: string; src?: string; acls?: string; files?: Record<string, string> } = {}): boolean {
  const l = load(`frontend fe\n  bind :80\n${extra.acls ?? ''}  use_backend be_yes if ${cond}\n  default_backend be_no\nbackend be_yes\n  server y 10.0.0.1:80\nbackend be_no\n  server n 10.0.0.2:80\n`, extra.files ?? {});
  const r = route(l, { url, ...(extra.headers ? { headers: extra.headers } : {}), ...(extra.method ? { method: extra.method } : {}), ...(extra.src ? { src: extra.src } : {}) });
  if (r.unsupported.length > 0) {
    throw new Error(r.unsupported.join('; '));
  }
  return r.backend === 'be_yes';
}

describe('ACL fetches and matchers', () => {
  it('matches path suffix variants', () => {
    expect(matches('{ path_beg /api }', 'http://x/api/v1')).toBe(true);
    expect(matches('{ path_end .png }', 'http://x/a.png?x=1')).toBe(true);
    expect(matches('{ path_sub /v2/ }', 'http://x/a/v2/b')).toBe(true);
    expect(matches('{ path_dir v2 }', 'http://x/a/v2/b')).toBe(true);
    expect(matches('{ path_dir v2 }', 'http://x/a/v20/b')).toBe(false);
    expect(matches('{ path_reg ^/v[0-9]+/ }', 'http://x/v12/x')).toBe(true);
    expect(matches('{ path_len gt 5 }', 'http://x/abcdef')).toBe(true);
    expect(matches('{ path /exact }', 'http://x/exact?q')).toBe(true);
  });

  it('matches hdr with -i and the domain matcher, on every header value', () => {
    expect(matches('{ hdr(host) -i app.example }', 'http://APP.example/')).toBe(true);
    expect(matches('{ hdr(host) app.example }', 'http://APP.example/')).toBe(false);
    expect(matches('{ hdr_dom(host) example.com }', 'http://www.example.com:8080/')).toBe(true);
    expect(matches('{ req.hdr(x-a) -m beg b }', 'http://x/', { headers: [{ name: 'X-A', value: 'a, b1' }] })).toBe(true);
    expect(matches('{ hdr_beg(host) -i api. }', 'http://API.x/')).toBe(true);
  });

  it('matches base, url, query, url_param, method, src and ssl_fc', () => {
    expect(matches('{ base_beg app.example/v2 }', 'http://app.example/v2/x?q=1')).toBe(true);
    expect(matches('{ url_sub debug=1 }', 'http://x/p?debug=1')).toBe(true);
    expect(matches('{ query -m sub debug }', 'http://x/p?a=1&debug')).toBe(true);
    expect(matches('{ url_param(user) -m found }', 'http://x/p?user=')).toBe(true);
    expect(matches('{ url_param(user) -m found }', 'http://x/p?username=1')).toBe(false);
    expect(matches('{ method POST }', 'http://x/', { method: 'POST' })).toBe(true);
    expect(matches('{ src 10.0.0.0/8 }', 'http://x/', { src: '10.2.3.4' })).toBe(true);
    expect(matches('{ ssl_fc }', 'https://x/')).toBe(true);
    expect(matches('{ ssl_fc }', 'http://x/')).toBe(false);
  });

  it('combines named and anonymous ACLs with !, implicit AND and or', () => {
    const acls = '  acl v2 path_beg /v2\n  acl app hdr(host) -i app.example\n  acl v2 path_beg /beta\n';
    expect(matches('v2 app', 'http://app.example/v2', { acls })).toBe(true);
    expect(matches('v2 !app', 'http://app.example/v2', { acls })).toBe(false);
    expect(matches('v2 !app || { always_true }', 'http://app.example/v2', { acls })).toBe(true);
    expect(matches('app or v2', 'http://other/beta', { acls })).toBe(true);
    expect(matches('{ always_false } OR { path_beg /x }', 'http://other/x')).toBe(true);
  });

  it('treats a missing sample as no match, so its negation is true', () => {
    expect(matches('{ hdr(x-env) cloud }', 'http://x/')).toBe(false);
    expect(matches('!{ hdr(x-env) cloud }', 'http://x/')).toBe(true);
  });

  it('loads patterns from -f files, one whole line per pattern', () => {
    const files = { '/hosts.lst': 'app.example\n# comment\nother.example\n' };
    expect(matches('{ hdr(host) -i -f /hosts.lst }', 'http://OTHER.example/', { files })).toBe(true);
    expect(matches('{ hdr(host) -f /hosts.lst }', 'http://third.example/', { files })).toBe(false);
  });

  it('explains the condition in the trace', () => {
    const l = load('frontend fe\n  bind :80\n  acl v2 path_beg /v2\n  use_backend be_yes if v2\n  default_backend be_no\nbackend be_yes\n  server y 10.0.0.1:80\nbackend be_no\n  server n 10.0.0.2:80\n');
    const trace = route(l, 'http://x/v1').trace.map((t) => t.message);
    expect(trace).toContain("use_backend be_yes: condition is false (v2 is false (path_beg = '/v1' matches none of '/v2' (-m beg)))");
  });
});
