import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { JsonSimulation } from '../../server/src/cli/simulation-format';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const OUT = mkdtempSync(path.join(tmpdir(), 'hm-simulate-cli-'));
const CLI = path.join(OUT, 'cli.js');
const MAP_ROOT = ['--map-root', '/etc/haproxy=examples/migration'];

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function temp(name: string, text: string): string {
  const file = path.join(OUT, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  // A private bundle, so parallel builds of server/out/cli.js cannot interfere.
  execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), ['server/src/cli.ts', '--bundle', '--platform=node', '--format=cjs', `--outfile=${CLI}`, '--log-level=error'], { cwd: ROOT });
}, 120_000);

// The contract's shape; the key list itself is asserted below.
type JsonResult = JsonSimulation;

describe('haproxy-migrate simulate', () => {
  it('prints the JSON contract for each URL in the order given', () => {
    const r = run(['simulate', 'examples/migration/haproxy.cfg', ...MAP_ROOT, '--frontend', 'application-02', '--format', 'json',
      '--url', 'http://application-02.6play.fr/v2/customers/1', '--url', 'http://nowhere.example/']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: JsonResult[] };
    expect(out.results.map((x) => x.backend)).toEqual(['application-02-mixed', 'bk_default']);
    const first = out.results[0] as JsonResult;
    expect(Object.keys(first)).toEqual(['url', 'frontend', 'backend', 'redirect', 'status', 'decidedBy', 'mapMatch', 'servers', 'unsupported', 'trace']);
    expect(first.mapMatch).toMatchObject({ line: 3, value: 'application-02-mixed' });
    expect(first.decidedBy?.line).toBe(33);
    expect(first.servers).toEqual([
      { name: 'onprem-prod-front-application-02', share: 0.75, backup: false },
      { name: 'aws-prod-Kubernetes-application-02', share: 0.25, backup: false },
    ]);
    expect(first.trace.some((t) => t.includes('domain2backend.map:3'))).toBe(true);
  });

  it('shows where traffic goes when a server is assumed down', () => {
    const r = run(['simulate', 'examples/migration/haproxy.cfg', '--frontend', 'application-01', '--format', 'json',
      '--url', 'http://application-01.6play.fr/', '--down', 'application-01/onprem-prod-front-application-01']);
    const out = JSON.parse(r.stdout) as { results: JsonResult[] };
    expect(out.results[0]?.servers).toEqual([{ name: 'aws-prod-Kubernetes-application-01', share: 1, backup: false }]);
  });

  it('reads URLs from a file and prints one text block per URL', () => {
    const urls = temp('urls.txt', '# seed examples\nhttp://application-02.6play.fr/v1/a\n\nhttp://application-02.6play.fr/v2/b\n');
    const r = run(['simulate', 'examples/migration/haproxy.cfg', ...MAP_ROOT, '--frontend', 'application-02', '--urls-file', urls]);
    expect(r.code).toBe(0);
    const blocks = r.stdout.trim().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('backend application-02-on-prem');
    expect(blocks[1]).toContain('backend application-02-on-cloud');
  });

  it('rejects a call without a URL with exit code 2', () => {
    const r = run(['simulate', 'examples/migration/haproxy.cfg']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--url');
  });
});

describe('haproxy-migrate test', () => {
  it('passes on the seed routes file', () => {
    const r = run(['test', 'examples/migration/seed.routes', '--config', 'examples/migration/haproxy.cfg', ...MAP_ROOT]);
    expect(r.stdout).toContain('0 failed');
    expect(r.code).toBe(0);
  });

  it('exits 1 and prints expected vs simulated with the trace on a mismatch', () => {
    const routes = temp('wrong.routes', [
      '# wrong on purpose',
      'http://application-02.6play.fr/v2/customers/ -> application-02-on-cloud frontend=application-02',
      'http://application-01.6play.fr/ -> application-01 aws-prod-Kubernetes-application-01=50% frontend=application-01',
      '',
    ].join('\n'));
    const r = run(['test', routes, '--config', 'examples/migration/haproxy.cfg', ...MAP_ROOT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expected:  application-02-on-cloud');
    expect(r.stdout).toContain('simulated: backend application-02-mixed');
    expect(r.stdout).toContain('expected aws-prod-Kubernetes-application-01=50%, simulated 25%');
    expect(r.stdout).toContain('trace:');
    expect(r.stdout).toContain('2 route(s), 2 failed');
  });
});
