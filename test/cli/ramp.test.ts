import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const EXAMPLE = path.join(ROOT, 'examples/migration');

function run(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the seed example in a temp folder. */
function seedCopy(): { dir: string; cfg: string; map: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-ramp-'));
  copyFileSync(path.join(EXAMPLE, 'haproxy.cfg'), path.join(dir, 'haproxy.cfg'));
  copyFileSync(path.join(EXAMPLE, 'domain2backend.map'), path.join(dir, 'domain2backend.map'));
  return { dir, cfg: path.join(dir, 'haproxy.cfg'), map: path.join(dir, 'domain2backend.map') };
}

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('haproxy-migrate ramp', () => {
  it('reports the current step of the seed backend as JSON', () => {
    const r = run(['ramp', 'status', 'examples/migration/haproxy.cfg', '--backend', 'application-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, share: '1/4', percent: 25, step: 25, nextStep: 50, complete: false });
  });

  it('prints the diff of the next step and changes nothing without --write', () => {
    const { cfg } = seedCopy();
    const before = readFileSync(cfg, 'utf8');
    const r = run(['ramp', 'next', cfg, '--backend', 'application-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-    server onprem-prod-front-application-01 onprem-application-01.6play.fr:80 check resolvers m6dns weight 75');
    expect(r.stdout).toContain('+    server onprem-prod-front-application-01 onprem-application-01.6play.fr:80 check resolvers m6dns weight 1');
    expect(r.stdout).toContain('Dry run');
    expect(readFileSync(cfg, 'utf8')).toBe(before);
  });

  it('writes a step with --write, journals it and rolls it back byte for byte', () => {
    const { dir, cfg } = seedCopy();
    const before = readFileSync(cfg, 'utf8');
    expect(run(['ramp', 'next', cfg, '--backend', 'application-01', '--write']).code).toBe(0);
    expect(readFileSync(cfg, 'utf8')).not.toBe(before);
    const journal = readFileSync(path.join(dir, '.haproxy-migration/history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(journal[0]).toMatchObject({ kind: 'step', backend: 'application-01', from: '1/4 (25%)', to: '1/2 (50%)', file: 'haproxy.cfg' });
    const r = run(['ramp', 'rollback', cfg, '--backend', 'application-01', '--write']);
    expect(r.code).toBe(0);
    expect(readFileSync(cfg, 'utf8')).toBe(before);
  });

  it('refuses to roll back when the file changed behind the journal', () => {
    const { cfg } = seedCopy();
    expect(run(['ramp', 'next', cfg, '--backend', 'application-01', '--write']).code).toBe(0);
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('timeout client 30s', 'timeout client 31s'));
    const edited = readFileSync(cfg, 'utf8');
    const r = run(['ramp', 'rollback', cfg, '--backend', 'application-01', '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('changed since the journal');
    expect(readFileSync(cfg, 'utf8')).toBe(edited);
  });

  it('refuses a rollback when nothing was applied', () => {
    const { cfg } = seedCopy();
    const r = run(['ramp', 'rollback', cfg, '--backend', 'application-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('records no applied step');
  });

  it('aborts to the sources', () => {
    const { cfg } = seedCopy();
    expect(run(['ramp', 'abort', cfg, '--backend', 'application-02-mixed', '--write']).code).toBe(0);
    const r = run(['ramp', 'status', cfg, '--backend', 'application-02-mixed', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ share: '0/1', step: null, nextStep: 1 });
  });

  it('exits 2 on usage errors and 1 on an unknown backend', () => {
    expect(run(['ramp', 'next', 'examples/migration/haproxy.cfg']).code).toBe(2);
    expect(run(['ramp', 'jump', 'examples/migration/haproxy.cfg', '--backend', 'application-01']).code).toBe(2);
    expect(run(['ramp', 'next', 'examples/migration/haproxy.cfg', '--backend', 'application-01', '--steps', '1,abc']).code).toBe(2);
    const r = run(['ramp', 'next', 'examples/migration/haproxy.cfg', '--backend', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("No backend named 'nope'");
  });

  it('takes targets from --to and steps from --steps', () => {
    const r = run(['ramp', 'next', 'examples/migration/haproxy.cfg', '--backend', 'application-01', '--to', 'onprem-prod-front-application-01', '--steps', '80,100', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ plan: { from: { share: '3/4' }, to: { share: '4/5' }, step: 80 } });
  });

  it('promotes a map line to the next backend of its chain and rolls it back', () => {
    const { map } = seedCopy();
    const before = readFileSync(map, 'utf8');
    const r = run(['ramp', 'promote', map, '--line', '3', '--write', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, from: 'application-02-mixed', to: 'application-02-on-cloud', written: true });
    expect(readFileSync(map, 'utf8')).toBe(before.replace('customers\\/                              application-02-mixed', 'customers\\/                              application-02-on-cloud'));
    expect(run(['ramp', 'rollback', map, '--line', '3', '--write']).code).toBe(0);
    expect(readFileSync(map, 'utf8')).toBe(before);
  });

  it('refuses to promote a line already on the last backend', () => {
    const { map } = seedCopy();
    const r = run(['ramp', 'promote', map, '--line', '4']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('last backend of its chain');
  });
});

describe('haproxy-migrate replicate-plan', () => {
  it('renders the GOReplay ramp with the more specific paths disallowed', () => {
    const r = run(['replicate-plan', path.join(EXAMPLE, 'domain2backend.map'), '--line', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("-http-allow-url '^/v2/'");
    expect(r.stdout).toContain("-http-disallow-url '^/v2/critical/(\\w{1,45})/payments/'");
    expect(r.stdout).toContain('-output-http "https://aQuiteLongURLCorrespondingToOurELBEndpoint.eu-west-3.elb.amazonaws.com/|${REPLICATION_PERCENTAGE}"');
    expect(r.stdout.trim().split('\n').slice(-9)).toEqual([
      'replicate_traffic 1% 45s', 'replicate_traffic 2% 45s', 'replicate_traffic 5% 45s', 'replicate_traffic 10% 45s',
      'replicate_traffic 20% 60s', 'replicate_traffic 40% 60s', 'replicate_traffic 60% 60s', 'replicate_traffic 80% 60s', 'replicate_traffic 100% 7h',
    ]);
  });

  it('passes bash syntax checking', () => {
    const r = run(['replicate-plan', path.join(EXAMPLE, 'domain2backend.map'), '--line', '2', '--target', 'https://k8s.example/']);
    expect(existsSync('/bin/bash')).toBe(true);
    const check = spawnSync('/bin/bash', ['-n'], { input: r.stdout, encoding: 'utf8' });
    expect(check.status).toBe(0);
  });
});
