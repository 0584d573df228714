import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChange, diskLoader, getRuntimeWeight, runHaproxyCheck } from '../../server/src/apply';
import { applyReplacements, DEFAULT_ENGINE_OPTIONS, describeShare, planRamp, rampStatus, renderRampEdits, resolveRampBackend } from '../../server/src/engine';

/**
 * Ramp steps against a real HAProxy 2.6: every written step must pass
 * `haproxy -c`, and the runtime socket path must change weights all or
 * nothing. HAPROXY_SKIP_DIFFERENTIAL=1 skips the suite explicitly; a
 * missing binary otherwise fails it.
 */
const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';
const SKIP = process.env.HAPROXY_SKIP_DIFFERENTIAL === '1';
const EXAMPLE = resolve(__dirname, '../../examples/migration');

function seedCopy(): { dir: string; cfg: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hm-ramp-diff-'));
  copyFileSync(join(EXAMPLE, 'haproxy.cfg'), join(dir, 'haproxy.cfg'));
  copyFileSync(join(EXAMPLE, 'domain2backend.map'), join(dir, 'domain2backend.map'));
  return { dir, cfg: join(dir, 'haproxy.cfg') };
}

/** Applies `next` (or `abort`) to the file on disk through the same path as `ramp … --write`. */
async function applyStep(cfg: string, backend: string, action: 'next' | 'abort', extra: { haproxy?: string; runtime?: { socket: string; backend: string } } = {}) {
  const text = readFileSync(cfg, 'utf8');
  const load = diskLoader(cfg, cfg, DEFAULT_ENGINE_OPTIONS);
  const { config } = load(text);
  const ramp = resolveRampBackend(config, backend);
  if ('problem' in ramp) {
    throw new Error(ramp.problem);
  }
  const plan = planRamp(ramp, action);
  const after = applyReplacements(config.file, renderRampEdits(config.file, plan.changes));
  const outcome = await applyChange({ file: cfg, before: text, after, load, record: { kind: action === 'next' ? 'step' : 'abort', backend, mapLine: undefined, from: describeShare(plan.from), to: describeShare(plan.to) }, ...extra });
  return { outcome, plan, complete: rampStatus(resolveRampBackend(load(readFileSync(cfg, 'utf8')).config, backend) as Exclude<typeof ramp, { problem: string }>).complete };
}

/**
 * HAProxy resolves the example's server hostnames through libc during
 * `haproxy -c` (init-addr last,libc,none). Where the DNS server drops a
 * query, each check waits for the resolver timeout (5 s by default), so a
 * test running eight checks gets two minutes, not the default 20 s.
 */
const CHECKS_TIMEOUT_MS = 120_000;
// And each lookup gives up after one second, once (glibc resolver options, inherited by haproxy -c):
// the example's hostnames do not resolve here anyway, and `init-addr ... none` accepts that.
process.env['RES_OPTIONS'] ??= 'timeout:1 attempts:1';

describe.runIf(!SKIP)('ramp steps checked by a real haproxy -c', { timeout: CHECKS_TIMEOUT_MS }, () => {
  it('finds the haproxy binary', () => {
    expect(existsSync(HAPROXY), `${HAPROXY} is missing: install Debian's haproxy or set HAPROXY_SKIP_DIFFERENTIAL=1`).toBe(true);
  });

  for (const backend of ['application-01', 'application-02-mixed']) {
    it(`accepts every written step of ${backend} from abort to 100%`, async () => {
      const { cfg } = seedCopy();
      const shares: string[] = [];
      let result = await applyStep(cfg, backend, 'abort', { haproxy: HAPROXY });
      expect(result.outcome.ok, result.outcome.refused).toBe(true);
      for (let i = 0; i < 10 && !result.complete; i++) {
        result = await applyStep(cfg, backend, 'next', { haproxy: HAPROXY });
        expect(result.outcome.ok, result.outcome.refused).toBe(true);
        expect(result.outcome.log).toContain(`${HAPROXY} -c: configuration is valid`);
        shares.push(describeShare(result.plan.to));
      }
      expect(shares).toEqual(['1/100 (1%)', '1/20 (5%)', '1/10 (10%)', '1/4 (25%)', '1/2 (50%)', '3/4 (75%)', '1/1 (100%)']);
    });
  }

  it('refuses a step haproxy -c rejects and leaves the file alone', async () => {
    const { cfg } = seedCopy();
    // An unknown resolvers section: the step itself is fine, HAProxy rejects the whole file.
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('onprem-application-01.6play.fr:80 check resolvers m6dns', 'onprem-application-01.6play.fr:80 check resolvers nosuchdns'));
    const before = readFileSync(cfg, 'utf8');
    const { outcome } = await applyStep(cfg, 'application-01', 'next', { haproxy: HAPROXY });
    expect(outcome.ok).toBe(false);
    expect(outcome.refused).toContain('nosuchdns');
    expect(readFileSync(cfg, 'utf8')).toBe(before);
  });

  it('checks the real map files through rewritten map paths', () => {
    const { cfg } = seedCopy();
    const load = diskLoader(cfg, cfg, DEFAULT_ENGINE_OPTIONS);
    expect(runHaproxyCheck(HAPROXY, load(readFileSync(cfg, 'utf8'))).ok).toBe(true);
    rmSync(join(cfg, '../domain2backend.map'));
    const missing = runHaproxyCheck(HAPROXY, load(readFileSync(cfg, 'utf8')));
    expect(missing.ok).toBe(false);
  });
});

function canConnect(socket: string): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(socket);
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
  });
}

describe.runIf(!SKIP)('ramp steps on a running HAProxy through the stats socket', () => {
  let dir = '';
  let socket = '';
  let child: ChildProcess | undefined;
  const running = (onprem: number, aws: number): string => [
    'global', `    stats socket ${join(dir, 'admin.sock')} level admin`, '',
    'defaults', '    mode http', '    timeout connect 1s', '    timeout client 5s', '    timeout server 5s', '',
    'backend app', '    balance roundrobin',
    `    server onprem 127.0.0.1:1 weight ${onprem}`,
    `    server aws-a 127.0.0.1:2 weight ${aws}`, '',
    // static-rr accepts runtime weights of 0% or 100% of the initial weight only: a way to make HAProxy refuse a set.
    'backend st', '    balance static-rr', '    server aws-s 127.0.0.1:2 weight 1', '    server onprem-s 127.0.0.1:1 weight 0', '',
  ].join('\n');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hm-ramp-runtime-'));
    socket = join(dir, 'admin.sock');
    writeFileSync(join(dir, 'running.cfg'), running(75, 25));
    child = spawn(HAPROXY, ['-f', join(dir, 'running.cfg'), '-db'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    // Polls the socket until HAProxy listens on it (a readiness check, not a timed wait).
    while (!(await canConnect(socket))) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error('haproxy did not open its stats socket');
      }
      await new Promise((r) => setImmediate(r));
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets and verifies the new weights of a step', async () => {
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(cfg, running(75, 25));
    const { outcome } = await applyStep(cfg, 'app', 'next', { runtime: { socket, backend: 'app' } });
    expect(outcome.ok, outcome.log.join('\n')).toBe(true);
    expect(await getRuntimeWeight(socket, 'app', 'onprem')).toBe(1);
    expect(await getRuntimeWeight(socket, 'app', 'aws-a')).toBe(1);
    expect(outcome.log).toContain('runtime: set weight app/onprem 1 (was 75): verified');
  });

  it('changes nothing on the running HAProxy or in the file when a server is unknown to it', async () => {
    const cfg = join(dir, 'haproxy.cfg');
    // The file has a target HAProxy was not started with: 2/3 → 75% would change onprem, aws-a and aws-b.
    const text = running(1, 1).replace('    server aws-a 127.0.0.1:2 weight 1', '    server aws-a 127.0.0.1:2 weight 1\n    server aws-b 127.0.0.1:3 weight 1');
    writeFileSync(cfg, text);
    const runtimeBefore = [await getRuntimeWeight(socket, 'app', 'onprem'), await getRuntimeWeight(socket, 'app', 'aws-a')];
    const { outcome } = await applyStep(cfg, 'app', 'next', { runtime: { socket, backend: 'app' } });
    expect(outcome.ok).toBe(false);
    expect(outcome.log.join('\n')).toContain('get weight app/aws-b: No such server.; nothing was changed');
    expect([await getRuntimeWeight(socket, 'app', 'onprem'), await getRuntimeWeight(socket, 'app', 'aws-a')]).toEqual(runtimeBefore);
    expect(readFileSync(cfg, 'utf8')).toBe(text);
    expect(readFileSync(join(dir, '.haproxy-migration/history.jsonl'), 'utf8')).not.toContain('aws-b');
  });

  it('restores the weights already changed when HAProxy refuses one in the middle', async () => {
    const cfg = join(dir, 'st.cfg');
    const text = running(1, 1);
    writeFileSync(cfg, text);
    const { outcome } = await applyStep(cfg, 'st', 'abort', { runtime: { socket, backend: 'st' } });
    expect(outcome.ok).toBe(false);
    const log = outcome.log.join('\n');
    expect(log).toContain('runtime: set weight st/aws-s 0 (was 1): verified');
    expect(log).toContain("set weight st/onprem-s 1: Backend is using a static LB algorithm and only accepts weights '0%' and '100%'.");
    expect(log).toContain('restored st/aws-s to 1');
    expect([await getRuntimeWeight(socket, 'st', 'aws-s'), await getRuntimeWeight(socket, 'st', 'onprem-s')]).toEqual([1, 0]);
    expect(readFileSync(cfg, 'utf8')).toBe(text);
  });
});
