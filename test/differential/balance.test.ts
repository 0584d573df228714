import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceAlgorithm } from '../../server/src/model/types';
import { computeBalance } from '../../server/src/balance/compute-balance';
import { fwrrSequence } from '../../server/src/balance/fwrr-sequence';
import { buildLbMap } from '../../server/src/balance/lb-map';
import type { BalanceServer, BalanceSetup } from '../../server/src/balance/types';
import { backendConfig, haproxyOrSkip, startHaproxy, type HaproxyRig } from './balance-haproxy-rig';

/*
 * Differential test: roundrobin / static-rr sequences, backups and weight 0
 * against the real HAProxy 2.6. Each backend is fresh, so its sequence starts
 * from HAProxy's cold-start state, as the models assume.
 */

const binary = haproxyOrSkip();
const WEIGHT_SETS = [[1, 2, 3], [5, 1], [3, 3, 1, 7], [4, 0, 4], [2, 5, 7, 1, 256]];

function make(algorithm: BalanceAlgorithm, servers: BalanceServer[], allBackups = false): BalanceSetup {
  return { algorithm, params: [], argument: undefined, allBackups, servers, hashType: { method: 'map-based', fn: 'sdbm', avalanche: false } };
}
const actives = (weights: number[]): BalanceServer[] => weights.map((w, i) => ({ name: `s${i}`, weight: w, backup: false, usable: true }));
const backups = (weights: number[]): BalanceServer[] => weights.map((w, i) => ({ name: `b${i}`, weight: w, backup: true, usable: true }));
const downActive: BalanceServer = { name: 'down', weight: 1, backup: false, usable: false };

const sequenceCases = WEIGHT_SETS.flatMap((weights, k) => [
  { name: `rr${k}`, weights, setup: make('roundrobin', actives(weights)) },
  { name: `srr${k}`, weights, setup: make('static-rr', actives(weights)) },
]);
const poolCases: { name: string; label: string; setup: BalanceSetup }[] = [];
for (const algorithm of ['roundrobin', 'static-rr'] as const) {
  for (const [weights, all] of [[[2, 2], false], [[2, 4, 6], false], [[3, 1], false], [[1, 3], true], [[2, 4, 6], true]] as const) {
    poolCases.push({
      name: `bk${poolCases.length}`,
      label: `${algorithm} backups ${weights.join(',')}${all ? ' with allbackups' : ''}`,
      setup: make(algorithm, [downActive, ...backups([...weights])], all),
    });
  }
  poolCases.push({ name: `bk${poolCases.length}`, label: `${algorithm} actives all weight 0 with backups 1,3`, setup: make(algorithm, [...actives([0, 0]), ...backups([1, 3])]) });
  poolCases.push({ name: `bk${poolCases.length}`, label: `${algorithm} weight-0 actives next to a disabled one`, setup: make(algorithm, [...actives([0, 0]), { ...downActive }]) });
}

function lcm(values: number[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return values.reduce((acc, v) => (acc * v) / gcd(acc, v), 1);
}

describe.skipIf(binary === undefined)('balance engine vs HAProxy 2.6: roundrobin, static-rr, backups', () => {
  let rig: HaproxyRig;
  const serverSeq = async (backend: string, n: number): Promise<(string | undefined)[]> => {
    const out: (string | undefined)[] = [];
    for (let i = 0; i < n; i++) {
      out.push((await rig.get(backend, '/')).server);
    }
    return out;
  };

  beforeAll(async () => {
    const sections = [...sequenceCases, ...poolCases].map((c) => backendConfig(c.name, c.setup));
    rig = await startHaproxy(binary ?? 'haproxy', sections.join('\n'));
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it.each(sequenceCases.filter((c) => c.setup.algorithm === 'roundrobin'))('follows HAProxy request by request for roundrobin $weights', async (c) => {
    const total = c.weights.reduce((a, b) => a + b, 0);
    const n = Math.max(2 * total, 150);
    const got = await serverSeq(c.name, n);
    expect(got).toEqual(fwrrSequence(c.weights, n).map((i) => `s${i}`));
    const cycles = Math.floor(n / total) * total;
    for (const share of computeBalance(c.setup).shares) {
      expect(got.slice(0, cycles).filter((s) => s === share.name).length).toBe((cycles * share.numerator) / share.denominator);
    }
  });

  it.each(sequenceCases.filter((c) => c.setup.algorithm === 'static-rr'))('walks the same slot map as HAProxy for static-rr $weights', async (c) => {
    const map = buildLbMap(c.weights);
    const got = await serverSeq(c.name, map.length + 7);
    expect(got).toEqual(got.map((_, i) => `s${map[i % map.length] ?? -1}`));
  });

  it.each(poolCases)('matches HAProxy shares for $label', async (c) => {
    const result = computeBalance(c.setup);
    if (result.pool === 'none') {
      const replies = await Promise.all([0, 1, 2].map(() => rig.get(c.name, '/')));
      expect(replies.map((r) => r.status)).toEqual([503, 503, 503]);
      return;
    }
    const n = lcm(result.shares.map((s) => s.denominator)) * 12;
    const got = await serverSeq(c.name, n);
    const counts = Object.fromEntries(result.shares.map((s) => [s.name, (n * s.numerator) / s.denominator]));
    const seen: Record<string, number> = {};
    for (const s of got) {
      seen[s ?? 'none'] = (seen[s ?? 'none'] ?? 0) + 1;
    }
    expect(seen).toEqual(counts);
  });
});
