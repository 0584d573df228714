import { describe, expect, it } from 'vitest';
import { simulateRequest } from '../../../server/src/engine';
import { load, route, shares } from './simulate-helpers';

const BACKENDS = ['backend be_a', '  server a1 10.0.0.1:80', 'backend be_b', '  server b1 10.0.0.2:80', 'backend be_def', '  server d1 10.0.0.3:80', ''].join('\n');

describe('backend selection (use_backend, default_backend)', () => {
  it('takes the first use_backend rule whose condition is true, in file order', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend be_a if { path_beg /api }\n  use_backend be_b if { path_beg /api/v2 }\n${BACKENDS}`);
    expect(route(l, 'http://x/api/v2/users').backend).toBe('be_a');
  });

  it('falls to default_backend when no rule matches', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend be_a if { path_beg /api }\n  default_backend be_def\n${BACKENDS}`);
    const r = route(l, 'http://x/other');
    expect(r.backend).toBe('be_def');
    expect(r.decidedBy?.text).toBe('default_backend be_def');
  });

  it('answers 503 from a frontend without default_backend when nothing matches', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend be_a if { path_beg /api }\n${BACKENDS}`);
    const r = route(l, 'http://x/other');
    expect(r).toMatchObject({ backend: null, status: 503, outcome: 'status' });
  });

  it('uses the listen section own servers when nothing matches in a listen', () => {
    const l = load(`listen ls\n  bind :80\n  use_backend be_a if { path_beg /api }\n  server own1 10.0.0.9:80\n${BACKENDS}`);
    expect(shares(route(l, 'http://x/other'))).toEqual(['own1=1/1']);
  });

  it('stops at a dynamic name that is not a backend and uses default_backend without trying later rules', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend be_%[path,field(2,/)]\n  use_backend be_a\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, 'http://x/b/1').backend).toBe('be_b');
    expect(route(l, 'http://x/zzz/1').backend).toBe('be_def');
  });

  it('looks dynamic names up case-sensitively', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend %[path,field(2,/)]\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, 'http://x/be_a').backend).toBe('be_a');
    expect(route(l, 'http://x/BE_A').backend).toBe('be_def');
  });

  it('does not return the map default when the input sample is missing', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend %[req.hdr(x-tenant),map_str(/m.map,be_b)]\n  default_backend be_def\n${BACKENDS}`, { '/m.map': 'acme be_a\n' });
    expect(route(l, 'http://x/').backend).toBe('be_def');
    expect(route(l, { url: 'http://x/', headers: [{ name: 'X-Tenant', value: 'other' }] }).backend).toBe('be_b');
    expect(route(l, { url: 'http://x/', headers: [{ name: 'X-Tenant', value: 'acme' }] }).backend).toBe('be_a');
  });

  it('applies a frontend Host rewrite before use_backend even when written after it', () => {
    const l = load(`frontend fe\n  bind :80\n  use_backend be_a if { hdr(host) -i new.example }\n  http-request set-header Host new.example if { path_beg /moved }\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, 'http://old.example/moved/x').backend).toBe('be_a');
    expect(route(l, 'http://old.example/stay').backend).toBe('be_def');
  });

  it('routes on the path after replace-path and set-path', () => {
    const l = load(`frontend fe\n  bind :80\n  http-request replace-path ^/legacy(/.*) \\1\n  http-request set-var(txn.first) path,field(2,/)\n  use_backend be_%[var(txn.first)]\n  default_backend be_def\n${BACKENDS}`);
    const r = route(l, 'http://x/legacy/a/1?q=2');
    expect(r.backend).toBe('be_a');
    expect(r.request).toMatchObject({ path: '/a/1', query: 'q=2' });
  });

  it('removes headers with del-header before routing', () => {
    const l = load(`frontend fe\n  bind :80\n  http-request del-header X-Env\n  use_backend be_a if { req.hdr(x-env) -m found }\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, { url: 'http://x/', headers: [{ name: 'X-Env', value: 'cloud' }] }).backend).toBe('be_def');
  });

  it('reports a redirect as an outcome of its own', () => {
    const l = load(`frontend fe\n  bind :80\n  http-request redirect scheme https code 301 if !{ ssl_fc }\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, 'http://x.example/p?q=1')).toMatchObject({ outcome: 'redirect', redirect: 'https://x.example/p?q=1', status: 301, backend: null });
    expect(route(l, 'https://x.example/p').backend).toBe('be_def');
  });

  it('reports a redirect directive with prefix and drop-query', () => {
    const l = load(`frontend fe\n  bind :80\n  redirect prefix https://new.example drop-query if { path_beg /old }\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, 'http://x/old/a?b=1').redirect).toBe('https://new.example/old/a');
  });

  it('skips a disabled backend in use_backend only from HAProxy 3.4', () => {
    const cfg = `frontend fe\n  bind :80\n  use_backend be_off\n  default_backend be_def\nbackend be_off\n  disabled\n  server o1 10.0.0.5:80\n${BACKENDS}`;
    expect(route(load(cfg, {}, '2.6'), 'http://x/').backend).toBe('be_off');
    expect(route(load(cfg, {}, '3.4'), 'http://x/').backend).toBe('be_def');
  });

  it('reports a fragment as a 400 the way HAProxy 2.6 rejects it', () => {
    const l = load(`frontend fe\n  bind :80\n  default_backend be_def\n${BACKENDS}`);
    expect(route(l, 'http://x/a#frag').status).toBe(400);
  });

  it('reports every frontend that could receive the URL by port', () => {
    const l = load(`frontend fe1\n  bind :80\n  default_backend be_a\nfrontend fe2\n  bind :80,:8080\n  default_backend be_b\nfrontend fe3\n  bind :9000-9010\n  default_backend be_def\n${BACKENDS}`);
    expect(simulateRequest(l, { url: 'http://x/' }).routes.map((r) => `${r.frontend ?? ''}:${r.backend ?? ''}`)).toEqual(['fe1:be_a', 'fe2:be_b']);
    expect(route(l, 'http://x:8080/').backend).toBe('be_b');
    expect(route(l, 'http://x:9005/').backend).toBe('be_def');
  });
});
