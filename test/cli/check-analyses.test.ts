import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');

interface Diagnostic {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

function check(dir: string, extra: string[] = []): { code: number; diagnostics: Diagnostic[]; text: string } {
  const cfg = path.join(dir, 'haproxy.cfg');
  const json = spawnSync(process.execPath, [CLI, 'check', cfg, '--map-root', `/etc/haproxy=${dir}`, '--format', 'json', ...extra], { encoding: 'utf8' });
  const text = spawnSync(process.execPath, [CLI, 'check', cfg, '--map-root', `/etc/haproxy=${dir}`], { encoding: 'utf8' });
  return { code: json.status ?? -1, diagnostics: (JSON.parse(json.stdout) as { diagnostics: Diagnostic[] }).diagnostics, text: text.stdout };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hm-analyses-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

// One line per finding; the line numbers below are the 1-based lines of this text.
const CONFIG = [
  'defaults', //                                                                  1
  '    mode http', //                                                             2
  '    timeout server 30s', //                                                    3
  'frontend fe', //                                                               4
  '    bind :80', //                                                              5
  '    use_backend app-mixd if { path_beg /mixed }', //                          6  backend/undefined
  '    use_backend %[base,map_reg(/etc/haproxy/routes.map,bk_default)]', //    7
  'backend app-mixed', //                                                         8
  '    option httpchk GET /HealthCheck HTTP/1.1\\r\\nHost:\\ app.6play.fr', //  9  health/httpchk-deprecated-headers
  '    server onprem-app onprem-app.6play.fr:80 weight 75', //                  10 health/unbalanced-checks
  '    server aws-app app.eu-west-3.elb.amazonaws.com:443 check inter 1s weight 25%', // 11 weight-out-of-range, check-slower-than-users
  '    server aws-app 10.0.0.9:80 backup weight 5', //                          12 duplicate-name, backup-weight-ignored
  '    server spare 10.0.0.8:80 backup', //                                       13 extra-backups-unused
  'backend bk_default', //                                                        14
  '    balance first', //                                                         15
  '    server a 10.0.0.1:80 weight 0 observe layer7', //                          16 observe-without-check
  '    server b 10.0.0.2:80 weight 3', //                                         17 weights-ignored-by-first
  'backend drained', //                                                           18 all-servers-zero-weight
  '    server old 10.0.0.3:80 weight 0', //                                       19
  '',
].join('\n');

const MAP = '# routes\n^app\\.6play\\.fr/v2/ app-mixed\n^app\\.6play\\.fr/ app-onprem\n';

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('haproxy-migrate check: analyses', () => {
  const dir = tempDir({ 'haproxy.cfg': CONFIG, 'routes.map': MAP });
  const cfgPath = path.join(dir, 'haproxy.cfg');
  const mapPath = path.join(dir, 'routes.map');
  let result: ReturnType<typeof check>;
  beforeAll(() => {
    result = check(dir);
  });
  const found = (code: string): [string, number][] => result.diagnostics.filter((d) => d.code === code).map((d) => [d.file, d.line]);

  it('reports every analysis code with its file and 1-based line', () => {
    expect(found('backend/undefined')).toEqual([[cfgPath, 6], [mapPath, 3]]);
    expect(found('server/weight-out-of-range')).toEqual([[cfgPath, 11]]);
    expect(found('server/duplicate-name')).toEqual([[cfgPath, 12]]);
    expect(found('backend/all-servers-zero-weight')).toEqual([[cfgPath, 18]]);
    expect(found('backend/backup-weight-ignored')).toEqual([[cfgPath, 12]]);
    expect(found('backend/extra-backups-unused')).toEqual([[cfgPath, 13]]);
    expect(found('backend/weights-ignored-by-first')).toEqual([[cfgPath, 17]]);
    expect(found('health/httpchk-deprecated-headers')).toEqual([[cfgPath, 9]]);
    expect(found('health/observe-without-check')).toEqual([[cfgPath, 16]]);
    expect(found('health/unbalanced-checks')).toEqual([[cfgPath, 10]]);
    expect(found('health/check-slower-than-users')).toEqual([[cfgPath, 11]]);
  });

  it('puts the map value diagnostic on the map file, in text output too', () => {
    expect(result.text).toContain(`${mapPath}:3:`);
    expect(result.text).toMatch(/error backend\/undefined: Map value 'app-onprem' is not a defined backend/);
  });

  it('exits 1 because some diagnostics are errors', () => {
    expect(result.code).toBe(1);
  });

  it('honours suppression comments in the config and in the map', () => {
    const quiet = tempDir({
      'haproxy.cfg': `# haproxy-migrate: ignore-file server/weight-out-of-range\n${CONFIG.replace('    use_backend app-mixd', '    # haproxy-migrate: ignore backend/undefined\n    use_backend app-mixd')}`,
      'routes.map': MAP.replace('^app\\.6play\\.fr/ app-onprem', '# haproxy-migrate: ignore backend/undefined\n^app\\.6play\\.fr/ app-onprem'),
    });
    const codes = check(quiet).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('backend/undefined');
    expect(codes).not.toContain('server/weight-out-of-range');
    expect(codes).toContain('server/duplicate-name');
  });
});
