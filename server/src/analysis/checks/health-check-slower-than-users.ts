import type { Check } from '../check';
import { perProxyCheck } from '../per-proxy';
import type { Issue } from '../issue';
import { appendToDirective } from '../fixes/text-edits';
import { findServerSettings } from '../server-setting-words';
import type { Proxy, Server } from '../../model/types';

/** `timeout server` at least this many times the check timeout counts as "far below". */
const FAR_BELOW_RATIO = 10;

/**
 * `health/check-slower-than-users`: a server whose health checks were given a
 * short timeout on purpose (`inter` written for it, or `timeout check`) far
 * below `timeout server`. The check page answers fast while real requests may
 * be slow for up to `timeout server` and still pass: the seed's "latencies
 * undetected by health checks". Defaults alone (inter 2s) are not reported,
 * to keep the noise down.
 */
export const checkHealthCheckVsUsers: Check = perProxyCheck('backends', (proxy, file) => {
  const out: Issue[] = [];
  const serverTimeout = proxy.settings.timeouts['server'];
  const timeoutCheck = proxy.settings.timeouts['check'];
  if (serverTimeout === undefined) {
    return out;
  }
  const done = new Set<number>();
  for (const s of proxy.servers) {
    const checkTimeout = timeoutCheck ?? s.settings.inter;
    if (!s.settings.check || checkTimeout === undefined || checkTimeout * FAR_BELOW_RATIO > serverTimeout || done.has(s.directive.line)) {
      continue;
    }
    done.add(s.directive.line);
    const inter = findServerSettings(s.directive, 'inter')[0];
    const source = timeoutCheck !== undefined ? 'timeout check' : 'inter';
    out.push({
      code: 'health/check-slower-than-users',
      severity: 'info',
      message: `Health checks of server '${nameOf(s)}' time out after ${formatMs(checkTimeout)} (${source}) but user requests may take up to ${formatMs(serverTimeout)} (timeout server): slowness that the check page does not show stays invisible to health checks; ${advice(proxy, s)}`,
      file: file.path,
      span: inter && timeoutCheck === undefined ? { start: inter.keyword.span.start, end: (inter.value ?? inter.keyword).span.end } : (s.nameSpan ?? s.directive.span),
      ...(s.settings.observe === undefined ? { fixes: [{ title: `Add 'observe ${layerFor(proxy)}' to the server`, edits: [appendToDirective(file, s.directive, `observe ${layerFor(proxy)}`)] }] } : {}),
    });
  }
  return out;
});

function advice(proxy: Proxy, s: Server): string {
  const page = 'point the check at a page that exercises the application\'s dependencies';
  if (s.settings.observe === undefined) {
    return `${page}, and add 'observe ${layerFor(proxy)}' so failures of live traffic count`;
  }
  return `${page} ('observe ${s.settings.observe}' only counts failed answers, not slow ones)`;
}

function layerFor(proxy: Proxy): 'layer7' | 'layer4' {
  return proxy.settings.mode === 'http' ? 'layer7' : 'layer4';
}

function nameOf(s: Server): string {
  return s.template ? s.template.prefix : (s.name ?? '');
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
