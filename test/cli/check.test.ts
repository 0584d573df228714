import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');

function run(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-check-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('haproxy-migrate check', () => {
  it('accepts the bundled example and names the files it read', () => {
    const r = run(['check', 'examples/migration/haproxy.cfg', '--map-root', '/etc/haproxy=examples/migration', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { files: string[]; diagnostics: { severity: string }[] };
    expect(out.files).toEqual([path.join(ROOT, 'examples/migration/haproxy.cfg'), path.join(ROOT, 'examples/migration/domain2backend.map')]);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('prints JSON diagnostics with 1-based positions and exits 1 on an error', () => {
    const dir = tempDir({ 'haproxy.cfg': 'frontend fe\n  bind :80\n  use_backend %[base,map_beg(/etc/haproxy/missing.map)]\n' });
    const r = run(['check', path.join(dir, 'haproxy.cfg'), '--format', 'json']);
    const out = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(out.diagnostics).toContainEqual({
      file: path.join(dir, 'haproxy.cfg'),
      line: 3,
      column: 30,
      endLine: 3,
      endColumn: 54,
      severity: 'error',
      code: 'map/file-not-found',
      message: expect.stringContaining("Map file '/etc/haproxy/missing.map' not found") as unknown,
    });
    expect(r.code).toBe(1);
  });

  it('prints compiler-style text lines and exits 0 when only warnings remain', () => {
    const dir = tempDir({ 'haproxy.cfg': 'backend b\n  balanse roundrobin\n' });
    const r = run(['check', path.join(dir, 'haproxy.cfg')]);
    expect(r.stdout).toContain(`${path.join(dir, 'haproxy.cfg')}:2:3: warning directive/unknown: Unknown keyword 'balanse' in backend section; did you mean 'balance'?`);
    expect(r.code).toBe(0);
  });

  it('reports diagnostics of a map file against the map file path', () => {
    const dir = tempDir({ 'haproxy.cfg': 'frontend fe\n  use_backend %[base,map_reg(/etc/haproxy/d.map)]\n', 'd.map': 'a(b x\n' });
    const r = run(['check', path.join(dir, 'haproxy.cfg'), '--map-root', `/etc/haproxy=${dir}`, '--format', 'json']);
    const out = JSON.parse(r.stdout) as { files: string[] };
    expect(out.files).toContain(path.join(dir, 'd.map'));
  });

  it('resolves a production map path through --map-root', () => {
    const dir = tempDir({ 'haproxy.cfg': 'frontend fe\n  use_backend %[base,map_beg(/etc/haproxy/maps/x.map)]\n' });
    const maps = tempDir({ 'x.map': '/a be\n' });
    const without = run(['check', path.join(dir, 'haproxy.cfg'), '--format', 'json']);
    const withRoot = run(['check', path.join(dir, 'haproxy.cfg'), '--map-root', `/etc/haproxy/maps=${maps}`, '--format', 'json']);
    expect(without.stdout).toContain('map/file-not-found');
    expect(withRoot.stdout).not.toContain('map/file-not-found');
  });

  it('exits 2 on usage errors and on an unreadable config', () => {
    expect(run(['check']).code).toBe(2);
    expect(run(['check', 'a.cfg', '--format', 'xml']).code).toBe(2);
    expect(run(['check', 'a.cfg', '--bogus']).code).toBe(2);
    expect(run(['check', '/nonexistent/haproxy.cfg']).code).toBe(2);
    expect(run(['nosuchcommand']).code).toBe(2);
  });
});
