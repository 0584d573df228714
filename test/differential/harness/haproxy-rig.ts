import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway HAProxy on 127.0.0.1 for differential tests: write a config
 * (and its map files) to a temp dir, start `haproxy -f … -db`, wait until its
 * ports accept connections, stop it afterwards. Reusable by every suite that
 * compares the engine with the real thing.
 */

/** The haproxy binary: $HAPROXY_BIN, then PATH, then /usr/sbin and /usr/local/sbin. */
export function findHaproxy(): string | undefined {
  const candidates = [process.env['HAPROXY_BIN'], ...(process.env['PATH'] ?? '').split(':').map((d) => join(d, 'haproxy')), '/usr/sbin/haproxy', '/usr/local/sbin/haproxy'];
  return candidates.find((c): c is string => c !== undefined && c.startsWith('/') && existsSync(c));
}

/** True when HAPROXY_SKIP_DIFFERENTIAL=1: the only way to run without haproxy. */
export function differentialSkipped(): boolean {
  return process.env['HAPROXY_SKIP_DIFFERENTIAL'] === '1';
}

/**
 * The haproxy binary, or a loud failure explaining how to get it (Debian
 * package `haproxy`) or how to skip on purpose.
 */
export function requireHaproxy(): string {
  const bin = findHaproxy();
  if (bin === undefined) {
    throw new Error('haproxy not found: install the Debian package `haproxy` (2.6) or set HAPROXY_BIN; set HAPROXY_SKIP_DIFFERENTIAL=1 to skip the differential tests on purpose');
  }
  return bin;
}

/** `n` distinct ports that were free on 127.0.0.1 a moment ago. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  })));
  const ports = servers.map((s) => {
    const a = s.address();
    return typeof a === 'object' && a !== null ? a.port : 0;
  });
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/**
 * A `listen` section that answers every request itself with 200 and
 * `X-Srv: <name>` (accepted by HAProxy 2.6), so a `server` pointing at it
 * reveals which server HAProxy picked.
 */
export function echoListen(name: string, port: number): string {
  return [`listen ${name}`, `  bind 127.0.0.1:${port}`, `  http-request return status 200 hdr X-Srv ${name}`, ''].join('\n');
}

/** The usual head of a test config: one thread (deterministic balancing), HTTP mode, short timeouts. */
export const RIG_PREAMBLE = ['global', '  nbthread 1', '', 'defaults', '  mode http', '  timeout connect 2s', '  timeout client 10s', '  timeout server 10s', ''].join('\n');

export interface RunningHaproxy {
  /** Temp dir holding haproxy.cfg and the extra files. */
  readonly dir: string;
  readonly configPath: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly binary: string;
  /** Config text; receives the temp dir so it can name the map files written there. */
  readonly config: (dir: string) => string;
  /** Extra files (map files…) by name inside the temp dir. */
  readonly files?: Readonly<Record<string, string>>;
  /** Ports to wait for before returning. */
  readonly waitPorts: readonly number[];
}

/** Starts HAProxy in the foreground (`-db`); rejects with its stderr if it exits or never listens. */
export async function startHaproxy(opts: StartOptions): Promise<RunningHaproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-rig-'));
  for (const [name, text] of Object.entries(opts.files ?? {})) {
    writeFileSync(join(dir, name), text);
  }
  const configPath = join(dir, 'haproxy.cfg');
  writeFileSync(configPath, opts.config(dir));
  const child = spawn(opts.binary, ['-f', configPath, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of opts.waitPorts) {
      await waitForPort(child, port, () => stderr);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { dir, configPath, stop };
}

async function waitForPort(child: ChildProcess, port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`haproxy exited with code ${child.exitCode}: ${stderr()}`);
    }
    if (await canConnect(port)) {
      return;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`haproxy did not listen on 127.0.0.1:${port} within 15s: ${stderr()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
