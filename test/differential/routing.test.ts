import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, DEFAULT_ENGINE_OPTIONS, simulateRequest, type LoadedConfig, type RouteResult } from '../../server/src/engine';
import { countReplies, createRigClient, createRng, differentialSkipped, freePorts, requireHaproxy, startHaproxy, type RigClient, type RunningHaproxy } from './harness';
import { generateMigrationRig, RIG_PORTS, type GeneratedCase, type GeneratedRig } from './harness/migration-config-generator';

/*
 * Differential test against a real HAProxy 2.6: seeded migration-style
 * configs, many requests per URL, and the simulator must agree on the
 * backend for every URL and on the server shares (exactly over full
 * round-robin cycles). HAPROXY_DIFF_SEED=<n> tries another seed locally.
 */

const SEEDS = process.env['HAPROXY_DIFF_SEED'] !== undefined ? [Number(process.env['HAPROXY_DIFF_SEED'])] : [11, 23];
/** 5 frontends × 64 URLs = 320 cases per run, whatever the number of seeds. */
const CASES_PER_FRONTEND = Math.ceil(64 / SEEDS.length);
const REQUESTS_PER_URL = 4;
/** Largest full cycle measured exactly; longer ones are sampled with a tolerance. */
const MAX_CYCLE = 1500;

interface Rig {
  readonly seed: number;
  readonly gen: GeneratedRig;
  readonly haproxy: RunningHaproxy;
  readonly loaded: LoadedConfig;
}

const rigs: Rig[] = [];
let client: RigClient;
const skip = differentialSkipped();

beforeAll(async () => {
  if (skip) {
    return;
  }
  const binary = requireHaproxy();
  client = createRigClient(8);
  for (const seed of SEEDS) {
    const ports = await freePorts(RIG_PORTS);
    const gen = generateMigrationRig(createRng(seed), ports, CASES_PER_FRONTEND);
    const haproxy = await startHaproxy({ binary, config: gen.config, files: gen.files, waitPorts: gen.ports });
    const text = readFileSync(haproxy.configPath, 'utf8');
    const loaded = loadConfig(text, haproxy.configPath, { read: (p) => safeRead(p) }, DEFAULT_ENGINE_OPTIONS);
    rigs.push({ seed, gen, haproxy, loaded });
  }
}, 60_000);

afterAll(async () => {
  client?.close();
  await Promise.all(rigs.map((r) => r.haproxy.stop()));
});

function safeRead(p: string): string | undefined {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function simulate(rig: Rig, c: GeneratedCase): RouteResult | undefined {
  const headers = Object.entries(c.headers).filter(([k]) => k !== 'Host').map(([name, value]) => ({ name, value }));
  return simulateRequest(rig.loaded, { url: c.url, headers }, { frontend: c.frontend }).routes[0];
}

/** Which backend answered: servers are named s<i>_<j> in be_<i>, own_<j> in ls_own. */
function backendOfServer(server: string): string {
  const m = /^s(\d+)_\d+$/.exec(server);
  return m ? `be_${m[1]}` : 'ls_own';
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

describe.skipIf(skip)('routing agrees with a real HAProxy 2.6', () => {
  it('gives every URL the backend and servers HAProxy uses', async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const rig of rigs) {
      for (const c of rig.gen.cases) {
        cases++;
        const r = simulate(rig, c);
        const replies = await client.sendMany({ port: c.port, target: c.target, headers: c.headers }, REQUESTS_PER_URL);
        const where = `seed ${rig.seed} ${c.frontend} ${c.url}${c.headers['X-Tenant'] ? ` X-Tenant: ${c.headers['X-Tenant']}` : ''}`;
        if (!r || r.outcome === 'unknown' || r.unsupported.length > 0) {
          mismatches.push(`${where}: simulator could not decide (${r?.unsupported.join('; ') ?? 'no route'})`);
          continue;
        }
        const live = r.servers.filter((s) => s.share > 0).map((s) => s.name);
        for (const reply of replies) {
          if (reply.server === undefined) {
            if (reply.status !== 503 || live.length > 0) {
              mismatches.push(`${where}: haproxy answered ${reply.status} itself, simulator says ${r.backend ?? 'none'} → ${live.join(',') || r.status}`);
            }
            continue;
          }
          const be = backendOfServer(reply.server);
          if (be !== r.backend || !live.includes(reply.server) || (r.chosenServer !== null && reply.server !== r.chosenServer)) {
            mismatches.push(`${where}: haproxy used ${be}/${reply.server}, simulator says ${r.backend ?? 'none'} → ${r.chosenServer ?? live.join(',')}`);
          }
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(300);
    expect(mismatches.slice(0, 20)).toEqual([]);
  }, 90_000);

  it('gives the same server shares as HAProxy over full balancing cycles', async () => {
    const mismatches: string[] = [];
    let measured = 0;
    for (const rig of rigs) {
      const seen = new Set<string>();
      for (const c of rig.gen.cases) {
        const r = simulate(rig, c);
        if (!r || r.backend === null || r.servers.length < 2 || r.chosenServer !== null || seen.has(r.backend)) {
          continue;
        }
        seen.add(r.backend);
        const cycle = r.servers.reduce((acc, s) => (acc * s.denominator) / gcd(acc, s.denominator), 1);
        const n = cycle <= MAX_CYCLE ? cycle * Math.max(1, Math.floor(200 / cycle)) : MAX_CYCLE;
        const counts = countReplies(await client.sendMany({ port: c.port, target: c.target, headers: c.headers }, n));
        measured++;
        for (const s of r.servers) {
          const got = counts.get(s.name) ?? 0;
          const want = n * s.share;
          const tolerance = cycle <= MAX_CYCLE ? 1e-9 : 0.02 * n + 2;
          if (Math.abs(got - want) > tolerance) {
            mismatches.push(`seed ${rig.seed} ${r.backend}: ${s.name} got ${got}/${n}, simulator says ${s.numerator}/${s.denominator}`);
          }
        }
        const foreign = [...counts.keys()].filter((k) => !r.servers.some((s) => s.name === k));
        if (foreign.length > 0) {
          mismatches.push(`seed ${rig.seed} ${r.backend}: unexpected answers from ${foreign.join(', ')}`);
        }
      }
    }
    expect(measured).toBeGreaterThanOrEqual(2);
    expect(mismatches).toEqual([]);
  }, 90_000);
});
