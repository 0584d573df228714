import { describe, expect, it } from 'vitest';
import { checkObserveWithoutCheck } from '../../../../server/src/analysis/checks/health-observe-without-check';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

describe('checkObserveWithoutCheck', () => {
  it('reports observe layer7 on a server without check', () => {
    const text = 'backend app\n    server cloud 10.0.0.2:443 observe layer7 weight 25\n';
    const issues = runCheck(checkObserveWithoutCheck, text);
    expect(issues.map((i) => [i.code, i.severity, spanText(text, i)])).toEqual([['health/observe-without-check', 'warning', 'observe layer7']]);
    expect(issues[0]?.message).toBe("'observe layer7' on server 'cloud' does nothing without 'check': errors seen in live traffic only act on a server whose health checks are enabled");
    expect(applyEdits(text, issues[0]?.fixes?.[0]?.edits ?? [])).toBe('backend app\n    server cloud 10.0.0.2:443 observe layer7 weight 25 check\n');
  });

  it('reports on-error without check', () => {
    const text = 'backend app\n    server cloud 10.0.0.2:443 on-error mark-down\n';
    expect(runCheck(checkObserveWithoutCheck, text).map((i) => spanText(text, i))).toEqual(['on-error mark-down']);
  });

  it('reports observe inherited from default-server on the server name', () => {
    const text = 'backend app\n    default-server observe layer4\n    server s1 10.0.0.2:80\n';
    expect(runCheck(checkObserveWithoutCheck, text).map((i) => spanText(text, i))).toEqual(['s1']);
  });

  it('stays silent when check is enabled, here or by default-server', () => {
    expect(runCheck(checkObserveWithoutCheck, 'backend app\n    server cloud 10.0.0.2:443 check observe layer7\n')).toEqual([]);
    expect(runCheck(checkObserveWithoutCheck, 'backend app\n    default-server check\n    server cloud 10.0.0.2:443 observe layer7\n')).toEqual([]);
  });
});
