import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, DEFAULT_ENGINE_OPTIONS, simulateRequest, type LoadedConfig } from '../../server/src/engine';
import { createRigClient, differentialSkipped, echoListen, freePorts, requireHaproxy, startHaproxy, type RigClient, type RunningHaproxy } from './harness';

/*
 * Requests longer than HAProxy reads (tune.bufsize − tune.maxrewrite): the
 * simulator refuses them as HAProxy does, and still routes those that fit,
 * with the default buffer and with a larger one.
 */

interface Rig {
  readonly port: number;
  readonly haproxy: RunningHaproxy;
  readonly loaded: LoadedConfig;
}

const skip = differentialSkipped();
const rigs: Record<'default' | 'large', Rig | undefined> = { default: undefined, large: undefined };
let client: RigClient;

async function rig(globalLines: string): Promise<Rig> {
  const [port, echo] = (await freePorts(2)) as [number, number];
  const config = ['global', '  nbthread 1', globalLines, '', 'defaults', '  mode http', '  timeout connect 2s', '  timeout client 10s', '  timeout server 10s', '', 'frontend fe', `  bind 127.0.0.1:${port}`, '  default_backend be', '', 'backend be', `  server echo 127.0.0.1:${echo}`, '', echoListen('echo', echo)].join('\n');
  const haproxy = await startHaproxy({ binary: requireHaproxy(), config: () => config, waitPorts: [port, echo] });
  const loaded = loadConfig(readFileSync(haproxy.configPath, 'utf8'), haproxy.configPath, { read: () => undefined }, DEFAULT_ENGINE_OPTIONS);
  return { port, haproxy, loaded };
}

beforeAll(async () => {
  if (skip) {
    return;
  }
  client = createRigClient(1);
  rigs.default = await rig('');
  rigs.large = await rig('  tune.bufsize 32768');
}, 60_000);

afterAll(async () => {
  client?.close();
  await Promise.all(Object.values(rigs).map((r) => r?.haproxy.stop()));
});

/** A target whose request line (`GET <target> HTTP/1.1` and CRLF) is `size` bytes. */
function targetOfLine(size: number): string {
  return `/${'a'.repeat(size - 'GET / HTTP/1.1\r\n'.length)}`;
}

describe.skipIf(skip)('request size against HAProxy 2.6', () => {
  const cases: { rig: 'default' | 'large'; line: number; fits: boolean }[] = [
    { rig: 'default', line: 15_000, fits: true },
    { rig: 'default', line: 15_361, fits: false },
    { rig: 'default', line: 20_000, fits: false },
    { rig: 'large', line: 20_000, fits: true },
    { rig: 'large', line: 32_000, fits: false },
  ];
  for (const c of cases) {
    it(`${c.fits ? 'routes' : 'refuses'} a ${c.line}-byte request line with the ${c.rig} buffer`, async () => {
      const r = rigs[c.rig] as Rig;
      const target = targetOfLine(c.line);
      const reply = await client.send({ port: r.port, target });
      const sim = simulateRequest(r.loaded, { url: `http://127.0.0.1:${r.port}${target}` });
      if (c.fits) {
        expect(reply.status).toBe(200);
        expect(sim.unsupported).toEqual([]);
        expect(sim.routes[0]?.backend).toBe('be');
      } else {
        expect(reply.status).toBe(400);
        expect(sim.routes).toEqual([]);
        expect(sim.unsupported[0]).toMatch(/400 Bad Request/);
      }
    });
  }
});
