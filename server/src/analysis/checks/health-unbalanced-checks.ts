import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { computeBackendSplit } from '../backend-split';
import { appendToDirective } from '../fixes/text-edits';
import { serverOrigin, type ServerOrigin } from '../server-origin';
import type { Directive, Server } from '../../model/types';

const LABEL: Record<ServerOrigin, string> = { cloud: 'cloud', 'on-prem': 'on-premise' };

/**
 * `health/unbalanced-checks`: in a backend that mixes cloud and on-premise
 * servers, some servers have `check` and others not. An unchecked server is
 * always considered up, so when it fails HAProxy keeps sending it its share
 * while the checked side is protected. Servers that `track` another are checked;
 * backups are left out (when they serve there is no other server to protect).
 */
export const checkUnbalancedHealthChecks: Check = perProxyCheck('backends', (proxy, file) => {
  const out: Issue[] = [];
  const servers = proxy.servers.filter((s) => s.name !== undefined && !s.settings.disabled && !s.settings.backup);
  const isChecked = (s: Server): boolean => s.settings.check || s.settings.track !== undefined;
  const checked = servers.find(isChecked);
  // Cheap tests first: most backends check all their servers or none, and telling origins apart takes a pattern match per server.
  if (!checked || servers.every(isChecked)) {
    return out;
  }
  const origins = new Set(servers.map(serverOrigin));
  if (!origins.has('cloud') || !origins.has('on-prem')) {
    return out;
  }
  const shares = new Map(computeBackendSplit(proxy).shares.map((s) => [s.name, s.share]));
  const done = new Set<Directive>();
  for (const s of servers) {
    if (isChecked(s) || done.has(s.directive)) {
      continue;
    }
    done.add(s.directive);
    const share = shares.get(s.name ?? '');
    const effect = share ? `if it goes down HAProxy keeps sending it ${formatShare(share)} of the traffic` : 'if it goes down HAProxy keeps treating it as up';
    out.push({
      code: 'health/unbalanced-checks',
      severity: 'warning',
      message: `${describe(s, true)} has no health check while ${describe(checked, false)} in ${proxy.kind} '${proxy.name ?? ''}' has one: ${effect}`,
      file: file.path,
      span: s.nameSpan ?? s.directive.span,
      related: [{ message: `'${checked.name ?? ''}' is health-checked`, file: file.path, span: checked.nameSpan ?? checked.directive.span }],
      fixes: [{ title: "Add 'check' to the server", edits: [appendToDirective(file, s.directive, 'check')] }],
    });
  }
  return out;
});

function describe(s: Server, capital: boolean): string {
  const origin = serverOrigin(s);
  const text = `${origin ? `${LABEL[origin]} server` : 'server'} '${s.name ?? ''}'`;
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function formatShare(share: number): string {
  const pct = share * 100;
  return `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`;
}
