import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceAlgorithm, HashType } from '../../server/src/model/types';
import { computeBalance } from '../../server/src/balance/compute-balance';
import { buildLbMap } from '../../server/src/balance/lb-map';
import type { BalanceRequestKey, BalanceSetup } from '../../server/src/balance/types';
import { backendConfig, haproxyOrSkip, startHaproxy, type HaproxyRig } from './balance-haproxy-rig';

/*
 * Differential test: map-based hashing (uri, hdr, url_param, source) against
 * the real HAProxy 2.6, request by request: computeBalance(...).chosen must
 * name the server HAProxy picked.
 */

const binary = haproxyOrSkip();
const SDBM: HashType = { method: 'map-based', fn: 'sdbm', avalanche: false };

interface HashCase {
  readonly name: string;
  readonly label: string;
  readonly setup: BalanceSetup;
  /** Request i: the key for computeBalance and how to send it. */
  readonly request: (i: number) => { key: BalanceRequestKey; path: string; headers?: Record<string, string>; localAddress?: string };
}

function make(algorithm: BalanceAlgorithm, weights: number[], extra: Partial<BalanceSetup> = {}): BalanceSetup {
  const servers = weights.map((w, i) => ({ name: `s${i}`, weight: w, backup: false, usable: true }));
  return { algorithm, params: [], allBackups: false, servers, hashType: SDBM, ...extra };
}
const word = (i: number): string => `k${(i * 7919) % 1009}x${i}`;
const uriRequest = (i: number): ReturnType<HashCase['request']> => {
  const path = `/${word(i)}/d${i % 5}/e/f?q=${word(i + 1)}&r=${i}`;
  return { key: { uri: path }, path };
};
const hdrRequest = (value: (i: number) => string) => (i: number): ReturnType<HashCase['request']> => ({
  key: { headers: new Map([['x-key', [value(i)]]]) }, path: '/', headers: { 'X-Key': value(i) },
});
const srcRequest = (i: number): ReturnType<HashCase['request']> => {
  const ip = `127.${i % 256}.${(i * 37) % 256}.${1 + ((i * 11) % 250)}`;
  return { key: { srcIp: ip }, path: '/', localAddress: ip };
};

const cases: HashCase[] = [];
const add = (label: string, setup: BalanceSetup, request: HashCase['request']): void => {
  cases.push({ name: `h${cases.length}`, label, setup, request });
};
for (const weights of [[1, 2, 3], [3, 3, 1, 7], [4, 0, 4], [2, 5, 7, 1, 256]]) {
  add(`uri over weights ${weights.join(',')}`, make('uri', weights), uriRequest);
  add(`hdr(X-Key) over weights ${weights.join(',')}`, make('hdr', weights, { argument: 'X-Key' }), hdrRequest(word));
  add(`source over weights ${weights.join(',')}`, make('source', weights), srcRequest);
}
for (const params of [['whole'], ['len', '5'], ['depth', '2'], ['len', '9', 'depth', '1'], ['path-only']]) {
  add(`uri ${params.join(' ')}`, make('uri', [1, 2, 3, 1], { params }), uriRequest);
}
add('uri path-only on absolute URIs', make('uri', [1, 2, 3, 1], { params: ['path-only'] }), (i) => {
  const path = `/${word(i)}/a?x=${i}`;
  return { key: { uri: `http://example.com${path}` }, path: `http://example.com${path}`, headers: { Host: 'example.com' } };
});
for (const [fn, avalanche] of [['djb2', false], ['crc32', false], ['sdbm', true], ['djb2', true], ['crc32', true]] as const) {
  add(`hdr with hash-type map-based ${fn}${avalanche ? ' avalanche' : ''}`, make('hdr', [1, 2, 3, 1], { argument: 'X-Key', hashType: { method: 'map-based', fn, avalanche } }), hdrRequest(word));
}
add('source with avalanche', make('source', [1, 2, 3, 1], { hashType: { ...SDBM, avalanche: true } }), srcRequest);
add('hdr(X-Key) use_domain_only', make('hdr', [1, 2, 3, 1], { argument: 'X-Key', params: ['use_domain_only'] }),
  hdrRequest((i) => [`www.${word(i)}.com`, `${word(i)}.example.co.uk:8080`, word(i), `${word(i)}.org.`][i % 4] ?? ''));
add('hdr(X-Key) with lists and padding', make('hdr', [1, 2, 3, 1], { argument: 'X-Key' }), hdrRequest((i) => `  ${word(i)} , second${i}`));
add('url_param id', make('url_param', [1, 2, 3, 1], { argument: 'id' }), (i) => {
  const path = [`/p?id=${word(i)}`, `/p?a=1&id=${word(i)};b=2`, `/p?id&id=${word(i)}`, '/p?id='][i % 4] ?? '/';
  return { key: { uri: path }, path };
});

describe.skipIf(binary === undefined)('balance engine vs HAProxy 2.6: map-based hashing', () => {
  let rig: HaproxyRig;
  const missing = make('hdr', [1, 2, 3, 1], { argument: 'X-Key' });

  beforeAll(async () => {
    const sections = [...cases.map((c) => backendConfig(c.name, c.setup)), backendConfig('missing', missing)];
    rig = await startHaproxy(binary ?? 'haproxy', sections.join('\n'));
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it.each(cases)('picks the same server as HAProxy for $label', async (c) => {
    const got: (string | undefined)[] = [];
    const want: (string | undefined)[] = [];
    for (let i = 0; i < 40; i++) {
      const r = c.request(i);
      got.push((await rig.get(c.name, r.path, r.headers, r.localAddress)).server);
      want.push(computeBalance(c.setup, r.key).chosen);
    }
    expect(want.every((s) => s !== undefined)).toBe(true);
    expect(got).toEqual(want);
  });

  it('walks the map in round-robin order when the key is missing', async () => {
    const result = computeBalance(missing, { headers: new Map() });
    expect(result.keyMissing).toBe(true);
    const map = buildLbMap(missing.servers.map((s) => s.weight));
    const got: (string | undefined)[] = [];
    for (let i = 0; i < map.length * 3; i++) {
      got.push((await rig.get('missing', '/', i % 2 === 0 ? {} : { 'X-Key': ' ' })).server);
    }
    expect(got).toEqual(got.map((_, i) => `s${map[i % map.length] ?? -1}`));
  });
});
