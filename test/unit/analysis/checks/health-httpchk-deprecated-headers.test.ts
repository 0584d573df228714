import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHttpchkDeprecatedHeaders } from '../../../../server/src/analysis/checks/health-httpchk-deprecated-headers';
import { httpCheckSendLine } from '../../../../server/src/analysis/fixes/httpchk-rewrite';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

const HAPROXY = '/usr/sbin/haproxy';
const seedLine = 'option httpchk GET /HealthCheck HTTP/1.1\\r\\nHost:\\ application-02.6play.fr';
const config = (line: string): string =>
  `defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend fe\n    bind 127.0.0.1:18080\n    default_backend app\nbackend app\n    ${line}\n    server s1 127.0.0.1:8080 check\n`;

/** Runs `haproxy -c` on a config text; returns its exit code and combined output. */
function haproxyCheck(text: string): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'httpchk-'));
  try {
    const path = join(dir, 'haproxy.cfg');
    writeFileSync(path, text);
    const run = spawnSync(HAPROXY, ['-c', '-f', path], { encoding: 'utf8' });
    return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('checkHttpchkDeprecatedHeaders', () => {
  it("reports the seed's Host header hidden in the version word", () => {
    const text = config(seedLine);
    const issues = runCheck(checkHttpchkDeprecatedHeaders, text);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['health/httpchk-deprecated-headers', 'warning']]);
    expect(spanText(text, issues[0]!)).toBe('HTTP/1.1\\r\\nHost:\\ application-02.6play.fr');
  });

  it('rewrites it to option httpchk plus http-check send', () => {
    const text = config(seedLine);
    const [issue] = runCheck(checkHttpchkDeprecatedHeaders, text);
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toContain(
      '    option httpchk\n    http-check send meth GET uri /HealthCheck ver HTTP/1.1 hdr Host application-02.6play.fr\n',
    );
  });

  it('produces a rewrite that real HAProxy 2.6 accepts without the deprecation warning', () => {
    const before = haproxyCheck(config(seedLine));
    expect(before.output).toContain('deprecated');
    const text = config(seedLine);
    const [issue] = runCheck(checkHttpchkDeprecatedHeaders, text);
    const after = haproxyCheck(applyEdits(text, issue?.fixes?.[0]?.edits ?? []));
    expect(after.code).toBe(0);
    expect(after.output).not.toMatch(/WARNING|ALERT/);
  });

  it('rewrites several headers, a body and a value that needs quoting', () => {
    expect(httpCheckSendLine({ method: 'POST', uri: '/hc', version: 'HTTP/1.1\r\nHost: a.fr\r\nX-Note: 100% ok\r\n\r\nping' })).toBe(
      'http-check send meth POST uri /hc ver HTTP/1.1 hdr Host a.fr hdr X-Note "100%% ok" body ping',
    );
  });

  it('keeps a trailing comment on the option line', () => {
    const text = config(`${seedLine} # seed form`);
    const [issue] = runCheck(checkHttpchkDeprecatedHeaders, text);
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toContain('    option httpchk # seed form\n    http-check send meth GET');
  });

  it('offers no rewrite when the section already has an http-check send line', () => {
    const [issue] = runCheck(checkHttpchkDeprecatedHeaders, config(`${seedLine}\n    http-check send hdr X-A b`));
    expect(issue?.fixes).toBeUndefined();
  });

  it('stays silent for plain httpchk forms', () => {
    expect(runCheck(checkHttpchkDeprecatedHeaders, config('option httpchk GET /HealthCheck HTTP/1.1'))).toEqual([]);
    expect(runCheck(checkHttpchkDeprecatedHeaders, config('option httpchk /health'))).toEqual([]);
    expect(runCheck(checkHttpchkDeprecatedHeaders, config('option httpchk'))).toEqual([]);
  });
});
