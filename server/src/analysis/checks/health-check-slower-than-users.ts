import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { appendToDirective } from '../fixes/text-edits';
import { findServerSettings } from '../server-setting-words';
import type { Directive, Proxy, Server } from '../../model/types';

/** `timeout server` at least this many times the check timeout counts as "far below". */
const FAR_BELOW_RATIO = 10;

/**
 * `health/check-slower-than-users`: health checks given a short timeout on
 * purpose (`timeout check`, or `inter` written on a server) far below
 * `timeout server`. The check page answers fast while real requests may be
 * slow for up to `timeout server` and still pass: the seed's "latencies
 * undetected by health checks". Reported where the short timeout is
 * written: on the `timeout check` line (once, even when a defaults section
 * gives it to two thousand backends), or on the server's `inter`. Defaults
 * alone (inter 2s) are not reported, to keep the noise down.
 */
export const checkHealthCheckVsUsers: Check = perProxyCheck('backends', (proxy, file) => {
  const serverTimeout = proxy.settings.timeouts['server'];
  const timeoutCheck = proxy.settings.timeouts['check'];
  if (serverTimeout === undefined || !proxy.servers.some(isChecked)) {
    return [];
  }
  if (timeoutCheck !== undefined) {
    const written = timeoutCheck * FAR_BELOW_RATIO > serverTimeout ? undefined : timeoutCheckLine(proxy);
    if (!written) {
      return [];
    }
    const who = written.inherited ? 'the backends using these defaults' : `backend '${proxy.name ?? ''}'`;
    const made: MadeFrom = { path: file.path, who, timeoutCheck, serverTimeout, layer: layerFor(proxy) };
    // Thousands of backends inherit one defaults line: they share one issue object, which the analysis keeps once.
    const known = issuesOnLine.get(written.directive);
    const same = known && sameMadeFrom(known.from, made) ? known.issue : undefined;
    const issue: Issue = same ?? {
      code: 'health/check-slower-than-users',
      severity: 'info',
      message: `Health checks of ${who} time out after ${formatMs(timeoutCheck)} (timeout check) but user requests may take up to ${formatMs(serverTimeout)} (timeout server): slowness that the check page does not show stays invisible to health checks; point the check at a page that exercises the application's dependencies, and let 'observe ${layerFor(proxy)}' count failures of live traffic`,
      file: file.path,
      span: written.directive.span,
    };
    if (!same) {
      issuesOnLine.set(written.directive, { from: made, issue });
    }
    return [issue];
  }
  const out: Issue[] = [];
  const done = new Set<Directive>();
  for (const s of proxy.servers.filter(isChecked)) {
    const inter = findServerSettings(s.directive, 'inter')[0];
    const checkTimeout = s.settings.inter;
    // Only an `inter` written for this server: the default (2s) is nobody's decision.
    if (!inter || checkTimeout === undefined || checkTimeout * FAR_BELOW_RATIO > serverTimeout || done.has(s.directive)) {
      continue;
    }
    done.add(s.directive);
    out.push({
      code: 'health/check-slower-than-users',
      severity: 'info',
      message: `Health checks of server '${nameOf(s)}' time out after ${formatMs(checkTimeout)} (inter) but user requests may take up to ${formatMs(serverTimeout)} (timeout server): slowness that the check page does not show stays invisible to health checks; ${advice(proxy, s)}`,
      file: file.path,
      span: { start: inter.keyword.span.start, end: (inter.value ?? inter.keyword).span.end },
      ...(s.settings.observe === undefined ? { fixes: [{ title: `Add 'observe ${layerFor(proxy)}' to the server`, edits: [appendToDirective(file, s.directive, `observe ${layerFor(proxy)}`)] }] } : {}),
    });
  }
  return out;
});

/** The `timeout check` line that gives `proxy` its value: its own last one, else its defaults' (and their `from` chain). */
function timeoutCheckLine(proxy: Proxy): { directive: Directive; inherited: boolean } | undefined {
  const own = lastTimeoutCheck(proxy.directives);
  if (own) {
    return { directive: own, inherited: false };
  }
  for (let d = proxy.defaults, hops = 0; d && hops < 64; d = d.parent, hops++) {
    const found = lastTimeoutCheck(d.directives);
    if (found) {
      return { directive: found, inherited: true };
    }
  }
  return undefined;
}

/** What an issue on a `timeout check` line says. */
interface MadeFrom {
  readonly path: string;
  readonly who: string;
  readonly timeoutCheck: number;
  readonly serverTimeout: number;
  readonly layer: 'layer7' | 'layer4';
}

function sameMadeFrom(a: MadeFrom, b: MadeFrom): boolean {
  return a.path === b.path && a.who === b.who && a.timeoutCheck === b.timeoutCheck && a.serverTimeout === b.serverTimeout && a.layer === b.layer;
}

/** The last issue made on a `timeout check` line, and what it was made from. */
const issuesOnLine = new WeakMap<Directive, { from: MadeFrom; issue: Issue }>();

function isChecked(s: Server): boolean {
  return s.settings.check;
}

function lastTimeoutCheck(directives: readonly Directive[]): Directive | undefined {
  for (let i = directives.length - 1; i >= 0; i--) {
    const d = directives[i] as Directive;
    if (d.keyword === 'timeout' && d.args[0]?.value === 'check') {
      return d;
    }
  }
  return undefined;
}

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
