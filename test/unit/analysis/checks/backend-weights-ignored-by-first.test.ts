import { describe, expect, it } from 'vitest';
import { checkWeightsIgnoredByFirst } from '../../../../server/src/analysis/checks/backend-weights-ignored-by-first';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

describe('checkWeightsIgnoredByFirst', () => {
  it('reports weights under balance first and names the server that takes everything', () => {
    const text = 'backend app\n    balance first\n    server onprem 10.0.0.1:80 weight 75\n    server cloud 10.0.0.2:80 weight 25\n';
    const issues = runCheck(checkWeightsIgnoredByFirst, text);
    expect(issues.map((i) => [i.code, i.severity, spanText(text, i)])).toEqual([
      ['backend/weights-ignored-by-first', 'info', 'weight 75'],
      ['backend/weights-ignored-by-first', 'info', 'weight 25'],
    ]);
    expect(issues[1]?.message).toBe("Weight 25 of server 'cloud' is ignored by balance first: every request goes to 'onprem' (lowest id), which has no maxconn to overflow from");
    expect(applyEdits(text, issues[1]?.fixes?.[0]?.edits ?? [])).toContain('server cloud 10.0.0.2:80\n');
  });

  it('mentions the maxconn overflow when the first server has one', () => {
    const [issue] = runCheck(checkWeightsIgnoredByFirst, 'backend app\n    balance first\n    server a 10.0.0.1:80 maxconn 100 weight 5\n');
    expect(issue?.message).toContain("requests go to 'a' (lowest id) until its maxconn 100 is reached");
  });

  it('stays silent for other algorithms and for weight 0', () => {
    expect(runCheck(checkWeightsIgnoredByFirst, 'backend app\n    balance roundrobin\n    server a 10.0.0.1:80 weight 5\n')).toEqual([]);
    expect(runCheck(checkWeightsIgnoredByFirst, 'backend app\n    balance first\n    server a 10.0.0.1:80 weight 0\n    server b 10.0.0.2:80\n')).toEqual([]);
  });
});
