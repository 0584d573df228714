import { describe, expect, it } from 'vitest';
import { checkHealthCheckVsUsers } from '../../../../server/src/analysis/checks/health-check-slower-than-users';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

const defaults = 'defaults\n    mode http\n    timeout server 30s\n';

describe('checkHealthCheckVsUsers', () => {
  it("reports the seed's inter 1s against timeout server 30s", () => {
    const text = `${defaults}backend app\n    server aws 10.0.0.2:443 check inter 1s fall 1 rise 2 observe layer7 weight 25\n`;
    const issues = runCheck(checkHealthCheckVsUsers, text);
    expect(issues.map((i) => [i.code, i.severity, spanText(text, i)])).toEqual([['health/check-slower-than-users', 'info', 'inter 1s']]);
    expect(issues[0]?.message).toBe(
      "Health checks of server 'aws' time out after 1s (inter) but user requests may take up to 30s (timeout server): slowness that the check page does not show stays invisible to health checks; point the check at a page that exercises the application's dependencies ('observe layer7' only counts failed answers, not slow ones)",
    );
    expect(issues[0]?.fixes).toBeUndefined();
  });

  it('offers observe layer7 when the server has no observe', () => {
    const text = `${defaults}backend app\n    server aws 10.0.0.2:443 check inter 2s\n`;
    const [issue] = runCheck(checkHealthCheckVsUsers, text);
    expect(issue?.message).toContain("add 'observe layer7' so failures of live traffic count");
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toContain('check inter 2s observe layer7\n');
  });

  it('uses timeout check when it is set, and reports it once on its line', () => {
    const text = `${defaults}backend app\n    timeout check 500ms\n    server s1 10.0.0.2:443 check inter 1s\n    server s2 10.0.0.3:443 check\n`;
    const issues = runCheck(checkHealthCheckVsUsers, text);
    expect(issues.map((i) => spanText(text, i))).toEqual(['timeout check 500ms']);
    expect(issues[0]?.message).toContain("Health checks of backend 'app' time out after 500ms (timeout check)");
  });

  it('reports a timeout check inherited from defaults once, on the defaults line, for every backend using it', () => {
    const base = 'defaults base\n    timeout check 2s\ndefaults http from base\n    mode http\n    timeout server 30s\n';
    const backends = Array.from({ length: 3 }, (_, i) => `backend b${i}\n    server s${i} 10.0.0.${i}:80 check\n`).join('');
    const text = base + backends;
    const issues = runCheck(checkHealthCheckVsUsers, text);
    expect(issues.map((i) => [spanText(text, i), i.message.split(' but ')[0]])).toEqual([['timeout check 2s', 'Health checks of the backends using these defaults time out after 2s (timeout check)']]);
  });

  it('lets a backend that sets its own timeout check decide, and stays silent without checked servers', () => {
    const text = `defaults\n    timeout check 1s\n    timeout server 30s\nbackend a\n    timeout check 10s\n    server s1 10.0.0.2:443 check\nbackend b\n    server s2 10.0.0.3:443\n`;
    expect(runCheck(checkHealthCheckVsUsers, text)).toEqual([]);
  });

  it('stays silent when the check timeout is not far below timeout server', () => {
    expect(runCheck(checkHealthCheckVsUsers, `${defaults}backend app\n    server s1 10.0.0.2:443 check inter 5s\n`)).toEqual([]);
  });

  it('stays silent for default check timings, servers without check, or no timeout server', () => {
    expect(runCheck(checkHealthCheckVsUsers, `${defaults}backend app\n    server s1 10.0.0.2:443 check\n`)).toEqual([]);
    expect(runCheck(checkHealthCheckVsUsers, `${defaults}backend app\n    server s1 10.0.0.2:443 inter 1s\n`)).toEqual([]);
    expect(runCheck(checkHealthCheckVsUsers, 'backend app\n    server s1 10.0.0.2:443 check inter 1s\n')).toEqual([]);
  });
});
