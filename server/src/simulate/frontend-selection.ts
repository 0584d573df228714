import type { HaproxyConfig, Proxy } from '../model/types';

/** The frontends that could receive a request, and how they were picked. */
export type FrontendSelection =
  | { readonly kind: 'ok'; readonly frontends: readonly Proxy[]; readonly how: string; readonly guessed: boolean }
  | { readonly kind: 'error'; readonly reason: string };

/**
 * The frontend named by the user, else every HTTP frontend/listen whose bind
 * port is the URL's port, else every HTTP frontend/listen.
 */
export function selectFrontends(config: HaproxyConfig, port: number, name: string | undefined): FrontendSelection {
  if (name !== undefined) {
    const fe = config.frontends.find((p) => p.name === name);
    if (!fe) {
      const known = config.frontends.map((p) => p.name ?? '?').join(', ') || 'none';
      return { kind: 'error', reason: `cannot simulate: no frontend or listen named '${name}' (known: ${known})` };
    }
    return fe.settings.mode === 'http'
      ? { kind: 'ok', frontends: [fe], how: `frontend ${name} as requested`, guessed: false }
      : { kind: 'error', reason: `cannot simulate: ${fe.kind} ${name} is in ${fe.settings.mode} mode; only HTTP routing is simulated` };
  }
  const http = config.frontends.filter((p) => p.settings.mode === 'http');
  if (http.length === 0) {
    return { kind: 'error', reason: 'cannot simulate: the config has no HTTP frontend or listen section' };
  }
  const byPort = http.filter((p) => p.binds.some((b) => bindListensOn(b.address ?? '', port)));
  if (byPort.length > 0) {
    return { kind: 'ok', frontends: byPort, how: `bound to port ${port}`, guessed: false };
  }
  return { kind: 'ok', frontends: http, how: `no frontend binds port ${port}, so every HTTP frontend is shown`, guessed: true };
}

/** Whether a bind address list (`:80,:8080-8090`) includes `port`. */
function bindListensOn(address: string, port: number): boolean {
  return address.split(',').some((part) => {
    const m = /:(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) {
      return false;
    }
    const lo = parseInt(m[1] as string, 10);
    const hi = m[2] !== undefined ? parseInt(m[2], 10) : lo;
    return port >= lo && port <= hi;
  });
}
