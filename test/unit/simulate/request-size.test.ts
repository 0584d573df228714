import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { largestRequest, oversizedRequest } from '../../../server/src/simulate/request-size';

const limitOf = (globalLines: string): number => largestRequest(buildConfigModel(`${globalLines}\nfrontend fe\n  bind :80\n`, '/t.cfg'));

describe('largestRequest', () => {
  it('is tune.bufsize minus tune.maxrewrite, 15,360 bytes by default', () => {
    expect(limitOf('')).toBe(15360);
    expect(limitOf('global\n  tune.bufsize 32768\n')).toBe(31744);
  });

  it('accepts a maxrewrite of 0 and cuts a larger one to half the buffer, as HAProxy does', () => {
    expect(limitOf('global\n  tune.maxrewrite 0\n')).toBe(16384);
    expect(limitOf('global\n  tune.bufsize 4096\n  tune.maxrewrite 3000\n')).toBe(2048);
  });

  it('takes the last setting of every global section', () => {
    expect(limitOf('global\n  tune.bufsize 16384\nglobal\n  tune.bufsize 65536\n')).toBe(64512);
  });
});

describe('oversizedRequest', () => {
  it('counts the whole request line against the limit', () => {
    const config = buildConfigModel('frontend fe\n  bind :80\n', '/t.cfg');
    const fits = `/${'a'.repeat(15360 - 'GET / HTTP/1.1\r\n'.length)}`;
    expect(oversizedRequest('GET', fits, config)).toBeUndefined();
    expect(oversizedRequest('GET', `${fits}a`, config)).toMatch(/15361 bytes, more than the 15360 bytes HAProxy reads/);
  });
});
