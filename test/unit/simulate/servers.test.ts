import { describe, expect, it } from 'vitest';
import { load, route, shares } from './simulate-helpers';

function backend(body: string): ReturnType<typeof load> {
  return load(`frontend fe\n  bind :80\n  default_backend be\nbackend be\n${body}`);
}

describe('servers: use-server and load-balancing shares', () => {
  it('hashes balance uri like HAProxy, ignoring the query (balance-uri.vtc)', () => {
    const l = backend('  balance uri\n  server srv1 10.0.0.1:80\n  server srv2 10.0.0.2:80\n  server srv3 10.0.0.3:80\n  server srv4 10.0.0.4:80\n');
    const chosen = (url: string): string | null => route(l, url).chosenServer;
    expect(chosen('http://x/url1')).toBe('srv2');
    expect(chosen('http://x/url1?ignore=this-arg')).toBe('srv2');
    expect(chosen('http://x/url2')).toBe('srv3');
    expect(chosen('http://x/url3')).toBe('srv4');
    expect(chosen('http://x/url4')).toBe('srv1');
  });

  it('gives equal roundrobin shares to equal servers (balance-rr.vtc)', () => {
    const l = backend('  balance roundrobin\n  server s1 10.0.0.1:80\n  server s2 10.0.0.2:80\n  server s3 10.0.0.3:80\n  server s4 10.0.0.4:80\n');
    expect(shares(route(l, 'http://x/'))).toEqual(['s1=1/4', 's2=1/4', 's3=1/4', 's4=1/4']);
  });

  it('applies default-server weights, weight 0 and disabled', () => {
    const l = backend('  default-server weight 3\n  server s1 10.0.0.1:80\n  server s2 10.0.0.2:80 weight 1\n  server s3 10.0.0.3:80 weight 0\n  server s4 10.0.0.4:80 disabled\n');
    expect(shares(route(l, 'http://x/'))).toEqual(['s1=3/4', 's2=1/4']);
  });

  it('fails over to the first backup only, or to all backups with option allbackups', () => {
    const body = '  server a 10.0.0.1:80\n  server b1 10.0.0.2:80 backup weight 2\n  server b2 10.0.0.3:80 backup weight 2\n';
    const down = { url: 'http://x/', down: ['be/a'] };
    expect(shares(route(backend(body), down))).toEqual(['b1=1/1']);
    expect(shares(route(backend(`  option allbackups\n${body}`), down))).toEqual(['b1=1/2', 'b2=1/2']);
  });

  it('answers 503 when every server is down', () => {
    const r = route(backend('  server a 10.0.0.1:80\n'), { url: 'http://x/', down: ['be/*'] });
    expect(r).toMatchObject({ backend: 'be', servers: [], status: 503 });
  });

  it('follows use-server rules and passes over a server that is down', () => {
    const body = '  use-server s2 if { path_beg /pin }\n  use-server s1 if { path_beg /pin }\n  server s1 10.0.0.1:80\n  server s2 10.0.0.2:80 weight 0\n';
    expect(shares(route(backend(body), 'http://x/pin'))).toEqual(['s2=1/1']);
    expect(shares(route(backend(body), { url: 'http://x/pin', down: ['be/s2'] }))).toEqual(['s1=1/1']);
    expect(shares(route(backend(body), 'http://x/other'))).toEqual(['s1=1/1']);
  });

  it('treats a server that tracks a down server as down', () => {
    const l = backend('  server a 10.0.0.1:80 check\n  server b 10.0.0.2:80 track a\n  server c 10.0.0.3:80\n');
    expect(shares(route(l, { url: 'http://x/', down: ['be/a'] }))).toEqual(['c=1/1']);
  });

  it('hashes the rewritten Host of the backend for balance hdr(host)', () => {
    const l = backend('  balance hdr(host)\n  http-request set-header Host fixed.example\n  server s1 10.0.0.1:80\n  server s2 10.0.0.2:80\n');
    expect(route(l, 'http://a/').chosenServer).toBe(route(l, 'http://b/').chosenServer);
  });
});
