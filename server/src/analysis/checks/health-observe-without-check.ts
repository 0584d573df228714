import type { Check } from '../check';
import type { Issue } from '../issue';
import { appendToDirective } from '../fixes/text-edits';
import { perProxyCheck } from '../per-part';
import { findServerSettings } from '../server-setting-words';
import type { Directive } from '../../model/types';

/**
 * `health/observe-without-check`: `observe` or `on-error` on a server without
 * `check`. Passive health checking only acts on a server whose active checks
 * are enabled, so the setting does nothing (HAProxy accepts it silently).
 */
export const checkObserveWithoutCheck: Check = perProxyCheck('backends', (proxy, file) => {
  const issues: Issue[] = [];
  // A server-template line makes several servers: one issue for the line.
  const seen = new Set<Directive>();
  for (const server of proxy.servers) {
    const s = server.settings;
    if (s.check || (s.observe === undefined && s.onError === undefined) || seen.has(server.directive)) {
      continue;
    }
    seen.add(server.directive);
    const own = [...findServerSettings(server.directive, 'observe'), ...findServerSettings(server.directive, 'on-error')][0];
    const what = s.observe !== undefined ? `observe ${s.observe}` : `on-error ${s.onError ?? ''}`;
    const name = server.template ? server.template.prefix : (server.name ?? '');
    issues.push({
      code: 'health/observe-without-check',
      severity: 'warning',
      message: `'${what}' on server '${name}' does nothing without 'check': errors seen in live traffic only act on a server whose health checks are enabled`,
      file: file.path,
      span: own ? { start: own.keyword.span.start, end: (own.value ?? own.keyword).span.end } : (server.nameSpan ?? server.directive.span),
      fixes: [{ title: "Add 'check' to the server", edits: [appendToDirective(file, server.directive, 'check')] }],
    });
  }
  return issues;
});
