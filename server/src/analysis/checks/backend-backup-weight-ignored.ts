import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { computeBackendSplit } from '../backend-split';
import { removeWords } from '../fixes/text-edits';
import type { Proxy, Server } from '../../model/types';

/**
 * `backend/backup-weight-ignored`: a weight written on a backup server that
 * cannot change how traffic is split when the backups serve (typically
 * because, without `option allbackups`, only the first usable backup serves).
 * Judged exactly with the balance engine: the split with the written weight
 * equals the split with another weight. A weight of 0 always matters.
 */
export const checkBackupWeightIgnored: Check = perProxyCheck('backends', (proxy, file) => {
  const out: Issue[] = [];
  for (const server of proxy.servers) {
    const { weightWord, weightKeyword, backup, weight } = server.settings;
    if (!backup || !weightWord || !weightKeyword || weight <= 0 || server.template) {
      continue;
    }
    if (!weightIsIgnored(proxy, server)) {
      continue;
    }
    const serving = computeBackendSplit(proxy, { activesDown: true }).shares.map((s) => `'${s.name}'`);
    out.push({
      code: 'backend/backup-weight-ignored',
      severity: 'hint',
      message: `Weight ${weightWord.value} of backup server '${server.name ?? ''}' has no effect: ${proxy.settings.allBackups ? 'backup traffic' : 'without option allbackups, backup traffic'} goes to ${serving.join(', ')} whatever this weight`,
      file: file.path,
      span: { start: weightKeyword.span.start, end: weightWord.span.end },
      fixes: [{ title: 'Remove the ignored weight', edits: [removeWords(file, weightKeyword, weightWord)] }],
    });
  }
  return out;
});

function weightIsIgnored(proxy: Proxy, server: Server): boolean {
  const other = server.settings.weight === 1 ? 2 : 1;
  const changed: Proxy = { ...proxy, servers: proxy.servers.map((s) => (s === server ? { ...s, settings: { ...s.settings, weight: other } } : s)) };
  const key = (p: Proxy): string => JSON.stringify(computeBackendSplit(p, { activesDown: true }).shares.map((s) => [s.name, s.numerator, s.denominator]));
  return key(proxy) === key(changed);
}
