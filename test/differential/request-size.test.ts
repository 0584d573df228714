import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, DEFAULT_ENGINE_OPTIONS, simulateRequest, type LoadedConfig, type RequestHeader } from '../../server/src/engine';
import { createRigClient, differentialSkipped, echoListen, freePorts, requireHaproxy, startHaproxy, type RigClient, type RunningHaproxy } from './harness';

/*
 * Request heads larger than HAProxy reads (request line and headers as HTX
 * blocks in tune.bufsize − tune.maxrewrite), or with more headers than
 * tune.http.maxhdr allows: the simulator refuses them as HAProxy does, to the
 * byte, and still routes those that fit, with the default buffer and with a
 * larger one. Requests are written byte for byte so that both sides see the
 * same headers.
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

/** HAProxy's status for a request written byte for byte: the request line, `headers`, the blank line. */
function sendRaw(port: number, target: string, headers: readonly RequestHeader[]): Promise<number> {
  return new Promise((resolve) => {
    const head = `GET ${target} HTTP/1.1\r\n${headers.map((h) => `${h.name}: ${h.value}\r\n`).join('')}\r\n`;
    const socket = connect(port, '127.0.0.1', () => socket.end(head));
    let answer = '';
    socket.on('data', (b) => (answer += b.toString('latin1')));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d+)/.exec(answer)?.[1] ?? 0)));
    socket.on('error', () => resolve(-1));
  });
}

/** A target whose request line (`GET <target> HTTP/1.1` and CRLF) is `size` bytes. */
function targetOfLine(size: number): string {
  return `/${'a'.repeat(size - 'GET / HTTP/1.1\r\n'.length)}`;
}

/** The longest request line the simulator lets through with `headers` (a binary search over its verdicts). */
function longestSimulatedLine(r: Rig, headers: readonly RequestHeader[]): number {
  const fits = (size: number): boolean => simulateRequest(r.loaded, { url: `http://127.0.0.1:${r.port}${targetOfLine(size)}`, headers }).unsupported.length === 0;
  let lo = 100;
  let hi = 70_000;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

describe.skipIf(skip)('request size against HAProxy 2.6', () => {
  const headerSets: Record<string, (host: string) => RequestHeader[]> = {
    'Host alone': (host) => [{ name: 'Host', value: host }],
    'a 5,000-byte header': (host) => [{ name: 'Host', value: host }, { name: 'X-Big', value: 'c'.repeat(5000) }],
    'ten 100-byte headers': (host) => [{ name: 'Host', value: host }, ...Array.from({ length: 10 }, (_, i) => ({ name: `X-H${i}`, value: 'b'.repeat(92) }))],
  };
  for (const rigName of ['default', 'large'] as const) {
    for (const [what, headersFor] of Object.entries(headerSets)) {
      it(`agrees to the byte on the longest request line with ${what}, ${rigName} buffer`, async () => {
        const r = rigs[rigName] as Rig;
        const headers = headersFor(`127.0.0.1:${r.port}`);
        const longest = longestSimulatedLine(r, headers);
        // The simulator routes the longest line it accepts and refuses one byte more: HAProxy must do the same.
        expect(await sendRaw(r.port, targetOfLine(longest), headers)).toBe(200);
        expect(await sendRaw(r.port, targetOfLine(longest + 1), headers)).toBe(400);
        const refused = simulateRequest(r.loaded, { url: `http://127.0.0.1:${r.port}${targetOfLine(longest + 1)}`, headers });
        expect(refused.routes).toEqual([]);
        expect(refused.unsupported[0]).toMatch(/400 Bad Request/);
      });
    }
  }

  it('agrees on the number of headers HAProxy accepts', async () => {
    const r = rigs.default as Rig;
    const headers = (n: number): RequestHeader[] => [{ name: 'Host', value: `127.0.0.1:${r.port}` }, ...Array.from({ length: n - 1 }, (_, i) => ({ name: `X${i}`, value: 'b' }))];
    for (const [count, status] of [[100, 200], [101, 400]] as const) {
      expect(await sendRaw(r.port, '/', headers(count))).toBe(status);
      const sim = simulateRequest(r.loaded, { url: `http://127.0.0.1:${r.port}/`, headers: headers(count) });
      expect(sim.unsupported.length === 0 ? 200 : 400).toBe(status);
    }
  });

  it('routes a request that fits with HAProxy through the same backend', async () => {
    const r = rigs.default as Rig;
    const target = targetOfLine(15_000);
    expect((await client.send({ port: r.port, target })).status).toBe(200);
    expect(simulateRequest(r.loaded, { url: `http://127.0.0.1:${r.port}${target}` }).routes[0]?.backend).toBe('be');
  });
});
