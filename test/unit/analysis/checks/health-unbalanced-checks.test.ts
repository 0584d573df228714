import { describe, expect, it } from 'vitest';
import { checkUnbalancedHealthChecks } from '../../../../server/src/analysis/checks/health-unbalanced-checks';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

const mixed = (onprem: string, cloud: string): string =>
  `backend application-02-mixed\n    server onprem-prod-front onprem-application-02.6play.fr:80 ${onprem} weight 75\n    server aws-prod-Kubernetes elb.eu-west-3.elb.amazonaws.com:443 ${cloud} weight 25\n`;

describe('checkUnbalancedHealthChecks', () => {
  it('reports an on-premise server without check beside a checked cloud server', () => {
    const text = mixed('resolvers m6dns', 'check');
    const issues = runCheck(checkUnbalancedHealthChecks, text);
    expect(issues.map((i) => [i.code, i.severity, spanText(text, i)])).toEqual([['health/unbalanced-checks', 'warning', 'onprem-prod-front']]);
    expect(issues[0]?.message).toBe("On-premise server 'onprem-prod-front' has no health check while cloud server 'aws-prod-Kubernetes' in backend 'application-02-mixed' has one: if it goes down HAProxy keeps sending it 75% of the traffic");
    expect(applyEdits(text, issues[0]?.fixes?.[0]?.edits ?? [])).toContain('resolvers m6dns weight 75 check\n');
  });

  it('reports the reverse: a cloud server without check beside a checked on-premise one', () => {
    const text = mixed('check', '');
    expect(runCheck(checkUnbalancedHealthChecks, text).map((i) => spanText(text, i))).toEqual(['aws-prod-Kubernetes']);
  });

  it('stays silent when both sides are checked, or neither', () => {
    expect(runCheck(checkUnbalancedHealthChecks, mixed('check', 'check'))).toEqual([]);
    expect(runCheck(checkUnbalancedHealthChecks, mixed('', ''))).toEqual([]);
  });

  it('stays silent in a backend that is not a cloud/on-premise mix', () => {
    expect(runCheck(checkUnbalancedHealthChecks, 'backend app\n    server web1 10.0.0.1:80 check\n    server web2 10.0.0.2:80\n')).toEqual([]);
  });

  it('leaves unchecked backups out', () => {
    expect(runCheck(checkUnbalancedHealthChecks, mixed('backup', 'check'))).toEqual([]);
  });

  it('counts a tracking server as checked', () => {
    expect(runCheck(checkUnbalancedHealthChecks, mixed('track other/s1', 'check'))).toEqual([]);
  });
});
