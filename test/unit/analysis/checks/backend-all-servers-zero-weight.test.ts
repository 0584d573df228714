import { describe, expect, it } from 'vitest';
import { checkAllServersZeroWeight } from '../../../../server/src/analysis/checks/backend-all-servers-zero-weight';
import { runCheck, spanText } from '../../../helpers/analyze';

describe('checkAllServersZeroWeight', () => {
  it('says HAProxy answers 503 when every active server has weight 0 and there is no backup', () => {
    const text = 'backend app\n    server onprem 10.0.0.1:80 weight 0\n    server cloud 10.0.0.2:80 weight 0\n';
    const issues = runCheck(checkAllServersZeroWeight, text);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['backend/all-servers-zero-weight', 'warning']]);
    expect(spanText(text, issues[0]!)).toBe('app');
    expect(issues[0]?.message).toBe("Every active server of backend 'app' has weight 0: HAProxy answers 503 to every request, as no backup server can take over");
    expect(issues[0]?.related).toHaveLength(2);
  });

  it('names the backup that takes all traffic', () => {
    const text = 'backend app\n    server cloud 10.0.0.2:80 weight 0\n    server old 10.0.0.3:80 disabled\n    server onprem 10.0.0.1:80 backup\n';
    const [issue] = runCheck(checkAllServersZeroWeight, text);
    expect(issue?.message).toBe("Every active server of backend 'app' has weight 0 or is disabled: all traffic goes to backup server 'onprem'");
  });

  it('counts weight 0 inherited from default-server', () => {
    expect(runCheck(checkAllServersZeroWeight, 'backend app\n    default-server weight 0\n    server a 10.0.0.1:80\n')).toHaveLength(1);
  });

  it('stays silent when one active server can take traffic', () => {
    expect(runCheck(checkAllServersZeroWeight, 'backend app\n    server onprem 10.0.0.1:80 weight 0\n    server cloud 10.0.0.2:80 weight 1\n')).toEqual([]);
  });

  it('stays silent for a backend made only of backups or without servers', () => {
    expect(runCheck(checkAllServersZeroWeight, 'backend app\n    server onprem 10.0.0.1:80 backup\nbackend empty\n')).toEqual([]);
  });
});
