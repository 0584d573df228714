import { describe, expect, it } from 'vitest';
import type { BalanceAlgorithm, HashType } from '../../../server/src/model/types';
import { computeBalance } from '../../../server/src/balance/compute-balance';
import type { BalanceServer, BalanceSetup, BalanceResult } from '../../../server/src/balance/types';

const SDBM: HashType = { method: 'map-based', fn: 'sdbm', avalanche: false };

function srv(name: string, weight: number, extra: Partial<BalanceServer> = {}): BalanceServer {
  return { name, weight, backup: false, usable: true, ...extra };
}
function setup(algorithm: BalanceAlgorithm, servers: BalanceServer[], extra: Partial<BalanceSetup> = {}): BalanceSetup {
  return { algorithm, params: [], hashType: SDBM, allBackups: false, servers, ...extra };
}
const shares = (r: BalanceResult): Record<string, string> =>
  Object.fromEntries(r.shares.map((s) => [s.name, `${s.numerator}/${s.denominator}`]));
/** An unusable active with weight 1 keeps the map GCD at 1, as in the lab configs. */
const downActive = srv('a', 1, { usable: false });
const backups = (...weights: number[]): BalanceServer[] => weights.map((w, i) => srv(`b${i + 1}`, w, { backup: true }));

describe('computeBalance', () => {
  it('shares roundrobin traffic as w_i/Σw over usable servers', () => {
    const r = computeBalance(setup('roundrobin', [srv('s1', 1), srv('s2', 2), srv('s3', 3), srv('s4', 9, { usable: false })]));
    expect(r.pool).toBe('active');
    expect(shares(r)).toEqual({ s1: '1/6', s2: '1/3', s3: '1/2' });
  });

  it('gives static-rr the same exact shares from its slot map', () => {
    expect(shares(computeBalance(setup('static-rr', [srv('s1', 10), srv('s2', 30)])))).toEqual({ s1: '1/4', s2: '3/4' });
  });

  it('leaves weight-0 servers out and says why', () => {
    const r = computeBalance(setup('roundrobin', [srv('s1', 4), srv('s2', 0), srv('s3', 4)]));
    expect(shares(r)).toEqual({ s1: '1/2', s3: '1/2' });
    expect(r.notes.join('\n')).toMatch(/weight 0 takes s2 out/);
  });

  it('fails over to backups when every active server has weight 0', () => {
    const r = computeBalance(setup('roundrobin', [srv('a', 0), ...backups(1, 3)], { allBackups: true }));
    expect(r.pool).toBe('backup');
    expect(shares(r)).toEqual({ b1: '1/4', b2: '3/4' });
  });

  it('answers 503 when nothing is usable', () => {
    const r = computeBalance(setup('roundrobin', [srv('a', 0), srv('b', 3, { usable: false, backup: true })]));
    expect(r).toMatchObject({ pool: 'none', shares: [] });
    expect(r.notes.join('\n')).toMatch(/503/);
  });

  it('sends roundrobin backup traffic to the first usable backup only without allbackups', () => {
    const r = computeBalance(setup('roundrobin', [downActive, srv('b0', 5, { backup: true, usable: false }), ...backups(2, 2)]));
    expect(shares(r)).toEqual({ b1: '1/1' });
    expect(r.notes.join('\n')).toMatch(/only the first usable backup \(b1\)/);
  });

  it('splits static-rr backups 2,2 half and half without allbackups', () => {
    expect(shares(computeBalance(setup('static-rr', [downActive, ...backups(2, 2)])))).toEqual({ b1: '1/2', b2: '1/2' });
  });

  it('sends all static-rr traffic to the third backup for backups 2,4,6', () => {
    const r = computeBalance(setup('static-rr', [downActive, ...backups(2, 4, 6)]));
    expect(shares(r)).toEqual({ b3: '1/1' });
    expect(r.notes.join('\n')).toMatch(/every usable backup competes/);
  });

  it('sends all static-rr traffic to the first backup for backups 3,1', () => {
    expect(shares(computeBalance(setup('static-rr', [downActive, ...backups(3, 1)])))).toEqual({ b1: '1/1' });
  });

  it('spreads backups 1:3 by weight with allbackups', () => {
    for (const algorithm of ['roundrobin', 'static-rr'] as const) {
      expect(shares(computeBalance(setup(algorithm, [downActive, ...backups(1, 3)], { allBackups: true })))).toEqual({ b1: '1/4', b2: '3/4' });
    }
  });

  it('sends balance first traffic to the lowest id and ignores weights', () => {
    const servers = [srv('s1', 9, { id: 5 }), srv('s2', 1, { maxconn: 10 }), srv('s3', 1, { id: 2 })];
    const r = computeBalance(setup('first', servers));
    expect(shares(r)).toEqual({ s2: '1/1' });
    expect(r.notes.join('\n')).toMatch(/ignores weights[\s\S]*maxconn/);
    expect(shares(computeBalance(setup('first', [srv('x', 1, { usable: false }), srv('y', 1), srv('z', 5)])))).toEqual({ y: '1/1' });
  });

  it('approximates leastconn and random by weight with a note', () => {
    const leastconn = computeBalance(setup('leastconn', [srv('s1', 1), srv('s2', 3)]));
    expect(shares(leastconn)).toEqual({ s1: '1/4', s2: '3/4' });
    expect(leastconn.notes.join('\n')).toMatch(/rotates 1:1/);
    expect(computeBalance(setup('random', [srv('s1', 1), srv('s2', 3)])).notes.join('\n')).toMatch(/random/);
  });

  it('picks the reg-test balance-uri servers request by request', () => {
    const four = setup('uri', ['srv1', 'srv2', 'srv3', 'srv4'].map((n) => srv(n, 1)));
    const chosen = ['/url1', '/url1?ignore=this-arg', '/url2', '/url3', '/url4'].map((uri) => computeBalance(four, { uri }).chosen);
    expect(chosen).toEqual(['srv2', 'srv2', 'srv3', 'srv4', 'srv1']);
  });

  it('builds the uri key from path and query when no uri is given', () => {
    const four = setup('uri', ['srv1', 'srv2', 'srv3', 'srv4'].map((n) => srv(n, 1)), { params: ['whole'] });
    expect(computeBalance(four, { path: '/url1', query: 'a' }).chosen).toBe(computeBalance(four, { uri: '/url1?a' }).chosen);
  });

  it('hashes hdr, url_param, source and hash samples through the slot map', () => {
    const three = [srv('s1', 1), srv('s2', 2), srv('s3', 3)];
    const headers = new Map([['x-key', ['abc']]]);
    const viaHdr = computeBalance(setup('hdr', three, { argument: 'X-Key' }), { headers }).chosen;
    const viaParam = computeBalance(setup('url_param', three, { argument: 'id' }), { uri: '/p?id=abc' }).chosen;
    const viaHash = computeBalance(setup('hash', three, { argument: 'req.hdr(x-key)' }), { hashSample: 'abc' }).chosen;
    expect(viaHdr).toBeDefined();
    expect([viaParam, viaHash]).toEqual([viaHdr, viaHdr]);
    // 127.0.0.1 = 0x7f000001; 2130706433 % 6 = 5 → slot 5 of [s1,s3,s2,s3,s2,s3] = s3.
    expect(computeBalance(setup('source', three), { srcIp: '127.0.0.1' }).chosen).toBe('s3');
  });

  it('falls back to round robin over the map when the key is missing', () => {
    const r = computeBalance(setup('hdr', [srv('s1', 1), srv('s2', 1)], { argument: 'x-key' }), { headers: new Map() });
    expect(r.keyMissing).toBe(true);
    expect(r.chosen).toBeUndefined();
    expect(shares(r)).toEqual({ s1: '1/2', s2: '1/2' });
  });

  it('reports shares only for consistent hashing and unmodelled hash functions', () => {
    const two = [srv('s1', 1), srv('s2', 1)];
    const consistent = computeBalance(setup('uri', two, { hashType: { ...SDBM, method: 'consistent' } }), { uri: '/a' });
    expect(consistent.chosen).toBeUndefined();
    expect(consistent.notes.join('\n')).toMatch(/not modelled/);
    const wt6 = computeBalance(setup('uri', two, { hashType: { ...SDBM, fn: 'wt6' } }), { uri: '/a' });
    expect(wt6.chosen).toBeUndefined();
    expect(wt6.notes.join('\n')).toMatch(/wt6 is not modelled/);
  });
});
