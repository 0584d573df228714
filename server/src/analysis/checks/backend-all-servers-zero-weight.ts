import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { computeBackendSplit } from '../backend-split';

/**
 * `backend/all-servers-zero-weight`: a backend has active (non-backup)
 * servers but none can take traffic, because each has weight 0 or is
 * disabled. Backups then serve, or HAProxy answers 503; the message says which.
 */
export const checkAllServersZeroWeight: Check = perProxyCheck('backends', (proxy, file) => {
  const out: Issue[] = [];
  const actives = proxy.servers.filter((s) => !s.settings.backup);
  if (actives.length === 0 || actives.some((s) => !s.settings.disabled && s.settings.weight > 0)) {
    return out;
  }
  const split = computeBackendSplit(proxy);
  const names = split.shares.map((s) => `'${s.name}'`);
  const outcome = split.pool === 'backup'
    ? `all traffic goes to backup server${names.length > 1 ? 's' : ''} ${names.join(', ')}`
    : 'HAProxy answers 503 to every request, as no backup server can take over';
  const what = actives.every((s) => s.settings.disabled) ? 'is disabled' : actives.every((s) => !s.settings.disabled) ? 'has weight 0' : 'has weight 0 or is disabled';
  out.push({
    code: 'backend/all-servers-zero-weight',
    severity: 'warning',
    message: `Every active server of ${proxy.kind} '${proxy.name ?? ''}' ${what}: ${outcome}`,
    file: file.path,
    span: proxy.nameSpan ?? proxy.header.span,
    related: actives.map((s) => ({ message: `'${s.name ?? ''}' ${s.settings.disabled ? 'is disabled' : 'has weight 0'}`, file: file.path, span: s.nameSpan ?? s.directive.span })),
  });
  return out;
});
