import { describe, expect, it } from 'vitest';
import { checkExtraBackupsUnused } from '../../../../server/src/analysis/checks/backend-extra-backups-unused';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

const text = 'backend app\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup\n    server b2 10.0.0.3:80 backup\n';

describe('checkExtraBackupsUnused', () => {
  it('reports every backup after the first usable one', () => {
    const issues = runCheck(checkExtraBackupsUnused, text);
    expect(issues.map((i) => [i.code, i.severity, spanText(text, i)])).toEqual([['backend/extra-backups-unused', 'hint', 'b2']]);
    expect(issues[0]?.message).toBe("Backup server 'b2' gets no traffic when the active servers are down: without option allbackups only 'b1' serves, and 'b2' takes over only if it fails too");
  });

  it('offers to add option allbackups above the first server', () => {
    const [issue] = runCheck(checkExtraBackupsUnused, text);
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toBe('backend app\n    option allbackups\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup\n    server b2 10.0.0.3:80 backup\n');
  });

  it('skips a disabled first backup: the next one is the first usable', () => {
    const t = 'backend app\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup disabled\n    server b2 10.0.0.3:80 backup\n';
    expect(runCheck(checkExtraBackupsUnused, t)).toEqual([]);
  });

  it('stays silent with option allbackups or a single backup', () => {
    expect(runCheck(checkExtraBackupsUnused, text.replace('backend app\n', 'backend app\n    option allbackups\n'))).toEqual([]);
    expect(runCheck(checkExtraBackupsUnused, 'backend app\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup\n')).toEqual([]);
  });

  it('stays silent when static-rr lets the other backups in', () => {
    const t = 'backend app\n    balance static-rr\n    server cloud 10.0.0.2:80\n    server b1 10.0.0.1:80 backup weight 2\n    server b2 10.0.0.3:80 backup weight 2\n';
    expect(runCheck(checkExtraBackupsUnused, t)).toEqual([]);
  });
});
