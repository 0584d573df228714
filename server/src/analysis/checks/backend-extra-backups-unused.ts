import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { computeBackendSplit } from '../backend-split';
import { insertLineAbove } from '../fixes/text-edits';
import { lineOf } from '../../model/source-file';

/**
 * `backend/extra-backups-unused`: a usable backup server that gets no traffic
 * even when every active server is down, because without `option allbackups`
 * HAProxy sends backup traffic to the first usable backup only. It serves only
 * once the backups before it fail too. Judged with the balance engine, so the
 * static-rr / map-based hashing exception (other backups leak in) is honoured.
 */
export const checkExtraBackupsUnused: Check = perProxyCheck('backends', (proxy, file) => {
  const out: Issue[] = [];
  if (proxy.settings.allBackups) {
    return out;
  }
  const backups = proxy.servers.filter((s) => s.settings.backup && !s.settings.disabled && s.settings.weight > 0 && s.name !== undefined);
  if (backups.length < 2) {
    return out;
  }
  const serving = computeBackendSplit(proxy, { activesDown: true }).shares.map((s) => s.name);
  const firstServer = proxy.servers[0];
  for (const b of backups) {
    if (serving.includes(b.name ?? '') || !b.nameSpan) {
      continue;
    }
    out.push({
      code: 'backend/extra-backups-unused',
      severity: 'hint',
      message: `Backup server '${b.name ?? ''}' gets no traffic when the active servers are down: without option allbackups only ${serving.map((n) => `'${n}'`).join(', ')} serve${serving.length === 1 ? 's' : ''}, and '${b.name ?? ''}' takes over only if ${serving.length === 1 ? 'it fails' : 'they fail'} too`,
      file: file.path,
      span: b.nameSpan,
      ...(firstServer ? { fixes: [{ title: 'Add option allbackups to share backup traffic by weight', edits: [insertLineAbove(file, lineOf(file, firstServer.directive.span.start), 'option allbackups')] }] } : {}),
    });
  }
  return out;
});
