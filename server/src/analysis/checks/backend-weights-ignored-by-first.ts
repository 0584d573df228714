import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { computeBackendSplit } from '../backend-split';
import { removeWords } from '../fixes/text-edits';

/**
 * `backend/weights-ignored-by-first`: `balance first` sends each request to
 * the usable server with the lowest id that has a free `maxconn` slot, so a
 * positive weight changes nothing (weight 0 still takes a server out).
 */
export const checkWeightsIgnoredByFirst: Check = perProxyCheck('backends', (proxy, file) => {
  const out: Issue[] = [];
  if (proxy.settings.balance.algorithm !== 'first') {
    return out;
  }
  const weighted = proxy.servers.filter((s) => s.settings.weightWord && s.settings.weightKeyword && s.settings.weight > 0 && !s.settings.backup);
  if (weighted.length === 0) {
    return out;
  }
  const first = computeBackendSplit(proxy).shares[0]?.name;
  const firstServer = proxy.servers.find((s) => s.name === first);
  const where = first === undefined
    ? 'requests go to the usable server with the lowest id'
    : firstServer?.settings.maxconn
      ? `requests go to '${first}' (lowest id) until its maxconn ${firstServer.settings.maxconn} is reached, then to the next server by id`
      : `every request goes to '${first}' (lowest id), which has no maxconn to overflow from`;
  for (const s of weighted) {
    const kw = s.settings.weightKeyword;
    const w = s.settings.weightWord;
    if (!kw || !w || (s.template && s !== proxy.servers.find((o) => o.directive === s.directive))) {
      continue;
    }
    out.push({
      code: 'backend/weights-ignored-by-first',
      severity: 'info',
      message: `Weight ${w.value} of server '${s.template ? s.template.prefix : (s.name ?? '')}' is ignored by balance first: ${where}`,
      file: file.path,
      span: { start: kw.span.start, end: w.span.end },
      fixes: [{ title: 'Remove the ignored weight', edits: [removeWords(file, kw, w)] }],
    });
  }
  return out;
});
