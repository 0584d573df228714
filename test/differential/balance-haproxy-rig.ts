import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { BalanceSetup } from '../../server/src/balance/types';

/**
 * A throwaway HAProxy on loopback for the balance differential tests: one
 * `listen echo` answers 200, every test backend points its servers at it and
 * stamps the chosen server's name into `X-Srv`, and one frontend routes on
 * the `X-Be` request header.
 */

/** Path of the haproxy binary: PATH first, then the usual sbin folders. */
export function findHaproxy(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs.map((d) => join(d, 'haproxy')).find(isAbsoluteFile);
}

function isAbsoluteFile(path: string): boolean {
  return path.startsWith('/') && existsSync(path);
}

/** A port that was free on 127.0.0.1 a moment ago (bind to port 0, then release). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RigReply {
  readonly status: number;
  /** Name of the server that answered; undefined for HAProxy's own errors. */
  readonly server: string | undefined;
}

export interface HaproxyRig {
  /** Sends one request (no keep-alive) to backend `backend` through the frontend. */
  get(backend: string, path: string, headers?: Record<string, string>, localAddress?: string): Promise<RigReply>;
  stop(): Promise<void>;
}

/** `backends` is config text for `backend` sections; `ECHO` is replaced by the echo address. */
export async function startHaproxy(binary: string, backends: string): Promise<HaproxyRig> {
  const [fePort, echoPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'balance-diff-'));
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, [
    'global', '  nbthread 1', '',
    'defaults', '  mode http', '  timeout connect 2s', '  timeout client 5s', '  timeout server 5s', '',
    'listen echo', `  bind 127.0.0.1:${echoPort}`, '  http-request return status 200', '',
    'frontend fe', `  bind 127.0.0.1:${fePort}`, '  use_backend %[req.hdr(x-be)]', '',
    backends.replaceAll('ECHO', `127.0.0.1:${echoPort}`), '',
  ].join('\n'));
  const child = spawn(binary, ['-f', cfg, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  await waitListening(child, fePort, () => stderr);
  return {
    get: (backend, path, headers = {}, localAddress) => send(fePort, backend, path, headers, localAddress),
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitListening(child: ChildProcess, port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`haproxy exited with ${child.exitCode}: ${stderr()}`);
    }
    if (await canConnect(port)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`haproxy did not listen on 127.0.0.1:${port}: ${stderr()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

function send(port: number, backend: string, path: string, headers: Record<string, string>, localAddress?: string): Promise<RigReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, agent: false, localAddress, headers: { ...headers, 'x-be': backend } },
      (res) => {
        res.resume();
        res.on('end', () => {
          const srv = res.headers['x-srv'];
          resolve({ status: res.statusCode ?? 0, server: typeof srv === 'string' ? srv : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/**
 * `haproxy` binary for the differential tests. Fails loudly when it is
 * missing, unless HAPROXY_SKIP_DIFFERENTIAL=1 asks to skip (then undefined).
 */
export function haproxyOrSkip(): string | undefined {
  const binary = findHaproxy();
  if (binary !== undefined) {
    return binary;
  }
  if (process.env.HAPROXY_SKIP_DIFFERENTIAL === '1') {
    console.warn('haproxy not found: balance differential tests skipped (HAPROXY_SKIP_DIFFERENTIAL=1)');
    return undefined;
  }
  throw new Error('haproxy not found on PATH (install the Debian haproxy package, as .ci/run does) or set HAPROXY_SKIP_DIFFERENTIAL=1');
}

/** A `backend` section equivalent to `setup`; unusable servers are written `disabled`. */
export function backendConfig(name: string, setup: BalanceSetup): string {
  const arg = setup.argument;
  const algorithm = setup.algorithm === 'hdr' ? `hdr(${arg ?? ''})` : setup.algorithm === 'url_param' || setup.algorithm === 'hash' ? `${setup.algorithm} ${arg ?? ''}` : setup.algorithm;
  const { method, fn, avalanche } = setup.hashType;
  return [
    `backend ${name}`,
    `  balance ${[algorithm, ...setup.params].join(' ')}`,
    `  hash-type ${method} ${fn}${avalanche ? ' avalanche' : ''}`,
    ...(setup.allBackups ? ['  option allbackups'] : []),
    '  http-response set-header X-Srv %[srv_name]',
    ...setup.servers.map((s) => `  server ${s.name} ECHO weight ${s.weight}${s.backup ? ' backup' : ''}${s.usable ? '' : ' disabled'}`),
    '',
  ].join('\n');
}
