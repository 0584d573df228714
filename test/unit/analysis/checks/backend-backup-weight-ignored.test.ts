import { describe, expect, it } from 'vitest';
import { checkBackupWeightIgnored } from '../../../../server/src/analysis/checks/backend-backup-weight-ignored';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

describe('checkBackupWeightIgnored', () => {
  it('reports a weight on a backup server without allbackups', () => {
    const text = 'backend app\n    server cloud 10.0.0.2:80 weight 100\n    server onprem 10.0.0.1:80 backup weight 75\n';
    const issues = runCheck(checkBackupWeightIgnored, text);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['backend/backup-weight-ignored', 'hint']]);
    expect(spanText(text, issues[0]!)).toBe('weight 75');
    expect(issues[0]?.message).toBe("Weight 75 of backup server 'onprem' has no effect: without option allbackups, backup traffic goes to 'onprem' whatever this weight");
    expect(applyEdits(text, issues[0]?.fixes?.[0]?.edits ?? [])).toContain('server onprem 10.0.0.1:80 backup\n');
  });

  it('reports weights on several backups where only the first serves', () => {
    const text = 'backend app\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup weight 3\n    server b2 10.0.0.3:80 backup weight 5\n';
    expect(runCheck(checkBackupWeightIgnored, text)).toHaveLength(2);
  });

  it('stays silent with option allbackups, where backup weights split the traffic', () => {
    const text = 'backend app\n    option allbackups\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup weight 1\n    server b2 10.0.0.3:80 backup weight 3\n';
    expect(runCheck(checkBackupWeightIgnored, text)).toEqual([]);
  });

  it('stays silent for static-rr, where the first backup weight lets other backups in', () => {
    const text = 'backend app\n    balance static-rr\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup weight 2\n    server b2 10.0.0.3:80 backup weight 2\n';
    expect(runCheck(checkBackupWeightIgnored, text)).toEqual([]);
  });

  it('stays silent for weight 0, which takes the backup out', () => {
    expect(runCheck(checkBackupWeightIgnored, 'backend app\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup weight 0\n')).toEqual([]);
  });
});
