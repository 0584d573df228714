import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { oversizedRequest, requestHeadBytes, requestLimits } from '../../../server/src/simulate/request-size';

const configOf = (globalLines: string) => buildConfigModel(`${globalLines}\nfrontend fe\n  bind :80\n`, '/t.cfg');
const limitOf = (globalLines: string): number => requestLimits(configOf(globalLines)).headBytes;

describe('requestLimits', () => {
  it('gives the head tune.bufsize minus tune.maxrewrite, less what HAProxy keeps for itself', () => {
    expect(limitOf('')).toBe(16384 - 1024 - 69);
    expect(limitOf('global\n  tune.bufsize 32768\n')).toBe(32768 - 1024 - 69);
  });

  it('accepts a maxrewrite of 0 and cuts a larger one to half the buffer, as HAProxy does', () => {
    expect(limitOf('global\n  tune.maxrewrite 0\n')).toBe(16384 - 69);
    expect(limitOf('global\n  tune.bufsize 4096\n  tune.maxrewrite 3000\n')).toBe(2048 - 69);
  });

  it('takes the last setting of every global section', () => {
    expect(limitOf('global\n  tune.bufsize 16384\nglobal\n  tune.bufsize 65536\n')).toBe(65536 - 1024 - 69);
  });

  it('allows one header fewer than tune.http.maxhdr', () => {
    expect(requestLimits(configOf('')).headers).toBe(100);
    expect(requestLimits(configOf('global\n  tune.http.maxhdr 20\n')).headers).toBe(19);
  });
});

describe('requestHeadBytes', () => {
  it('counts the text of the start line and of each header, and 8 bytes per block, end of headers included', () => {
    expect(requestHeadBytes('GET', '/', [])).toBe(8 + 3 + 1 + 8 + 8);
    expect(requestHeadBytes('GET', '/é', [{ name: 'Host', value: 'x' }])).toBe(8 + 3 + 3 + 8 + 8 + 8 + 4 + 1);
  });
});

describe('oversizedRequest', () => {
  const config = configOf('');
  const host = [{ name: 'Host', value: 'x' }];
  // HAProxy 2.6.12 answers a request line of 15,266 bytes with `Host: x` and refuses one of 15,267 (measured).
  const target = (lineBytes: number): string => `/${'a'.repeat(lineBytes - 'GET / HTTP/1.1\r\n'.length)}`;

  it('refuses a head one byte longer than HAProxy reads, and counts headers', () => {
    expect(oversizedRequest('GET', target(15266), host, config)).toBeUndefined();
    expect(oversizedRequest('GET', target(15267), host, config)).toMatch(/take 15292 bytes in HAProxy's buffer, more than the 15291 it gives them/);
    const big = [...host, { name: 'X-Big', value: 'c'.repeat(5000) }];
    expect(oversizedRequest('GET', target(10253), big, config)).toBeUndefined();
    expect(oversizedRequest('GET', target(10254), big, config)).toMatch(/400 Bad Request/);
  });

  it('refuses more headers than tune.http.maxhdr allows', () => {
    const headers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `X${i}`, value: 'b' }));
    expect(oversizedRequest('GET', '/', headers(100), config)).toBeUndefined();
    expect(oversizedRequest('GET', '/', headers(101), config)).toMatch(/101 headers, more than the 100 HAProxy accepts/);
  });
});
