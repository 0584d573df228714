import { parseAclCriterion } from './conditions';
import { applyProxySetting, builtinProxySettings, copySettings } from './proxy-settings';
import { parseBind, parseHttpRequest, parseRedirect, parseUseBackend, parseUseServer } from './proxy-rules';
import { buildServers, PROXY_SERVER_LIMIT } from './servers';
import type { Acl, Bind, Defaults, DefaultServer, Directive, Global, HttpRequestRule, Proxy, ProxySettings, Redirect, Section, Server, UseBackendRule, UseServerRule } from './types';

/** `defaults [<name>] [from <defaults>]`: a new defaults section starts from the built-in settings or `from`. */
export function buildDefaults(section: Section, named: ReadonlyMap<string, Defaults>, version: string): Defaults {
  const from = fromName(section.header);
  const parent = from !== undefined ? named.get(from) : undefined;
  const settings = copySettings(parent?.settings ?? builtinProxySettings(version));
  const httpRequestRules: HttpRequestRule[] = [...(parent?.httpRequestRules ?? [])];
  for (const d of section.directives) {
    if (!applyProxySetting(settings, d) && d.keyword === 'http-request') {
      const r = parseHttpRequest(d);
      if (r) {
        httpRequestRules.push(r);
      }
    }
  }
  const { name, nameSpan, header, directives, span } = section;
  return { kind: 'defaults', name, nameSpan, header, directives, span, from, parent, settings, httpRequestRules };
}

/** Builds a frontend, backend or listen on top of the defaults it inherits. */
export function buildProxy(section: Section & { kind: Proxy['kind'] }, inherited: Defaults | undefined, version: string): Proxy {
  const settings = copySettings(inherited?.settings ?? builtinProxySettings(version));
  const binds: Bind[] = [];
  const acls: Acl[] = [];
  const httpRequestRules: HttpRequestRule[] = [];
  const redirects: Redirect[] = [];
  const useBackends: UseBackendRule[] = [];
  const useServers: UseServerRule[] = [];
  const servers: Server[] = [];
  const defaultServerLines: DefaultServer[] = [];
  const collected: Collected = { binds, acls, httpRequestRules, redirects, useBackends, useServers, servers };
  // Indexed: for-of steps an iterator, an allocation per directive until V8 optimises the loop, which a first open does not wait for.
  for (let at = 0; at < section.directives.length; at++) {
    const d = section.directives[at] as Directive;
    if (d.keyword === 'default-server') {
      defaultServerLines.push({ kind: 'defaultServer', directive: d });
    }
    // Servers see the default-server lines written before them only (reference §2.3).
    const defaultsBefore = settings.defaultServers;
    if (applyProxySetting(settings, d)) {
      continue;
    }
    pushParsed(d, collected, defaultsBefore);
  }
  const final: ProxySettings = settings;
  // One literal with every field: spreading the section into it gave 2,000 proxies
  // objects in V8's slow dictionary mode, slow to build and to read.
  const { kind, name, nameSpan, header, directives, span } = section;
  return { kind, name, nameSpan, header, directives, span, defaults: inherited, settings: final, binds, acls, httpRequestRules, redirects, useBackends, useServers, servers, defaultServerLines };
}

interface Collected {
  binds: Bind[];
  acls: Acl[];
  httpRequestRules: HttpRequestRule[];
  redirects: Redirect[];
  useBackends: UseBackendRule[];
  useServers: UseServerRule[];
  servers: Server[];
}

function pushParsed(d: Directive, c: Collected, defaultServers: readonly Directive[]): void {
  switch (d.keyword) {
    case 'bind':
      c.binds.push(parseBind(d));
      return;
    case 'acl': {
      const name = d.args[0];
      const criterion = parseAclCriterion(d.args.slice(1));
      if (name && criterion) {
        c.acls.push({ kind: 'acl', name: name.value, nameSpan: name.span, criterion, directive: d });
      }
      return;
    }
    case 'http-request': {
      const r = parseHttpRequest(d);
      if (r) {
        c.httpRequestRules.push(r);
      }
      return;
    }
    case 'redirect':
      c.redirects.push(parseRedirect(d));
      return;
    case 'use_backend': {
      const r = parseUseBackend(d);
      if (r) {
        c.useBackends.push(r);
      }
      return;
    }
    case 'use-server': {
      const r = parseUseServer(d);
      if (r) {
        c.useServers.push(r);
      }
      return;
    }
    case 'server':
    case 'server-template':
      pushAllServers(c.servers, buildServers(d, defaultServers, PROXY_SERVER_LIMIT - c.servers.length));
      return;
    default:
      return;
  }
}

/** Appends without a spread call, which steps an iterator over the servers. */
function pushAllServers(into: Server[], servers: readonly Server[]): void {
  for (let i = 0; i < servers.length; i++) {
    into.push(servers[i] as Server);
  }
}

/** The `from <name>` of a section header, if any. */
export function fromName(header: Directive): string | undefined {
  const at = header.args.findIndex((w) => w.value === 'from');
  return at >= 0 ? header.args[at + 1]?.value : undefined;
}

export function buildGlobal(section: Section): Global {
  const statsSockets: Global['statsSockets'][number][] = [];
  for (const d of section.directives) {
    if (d.keyword === 'stats' && d.args[0]?.value === 'socket' && d.args[1]) {
      const levelAt = d.args.findIndex((w) => w.value === 'level');
      statsSockets.push({ path: d.args[1].value, level: levelAt >= 0 ? d.args[levelAt + 1]?.value : undefined, directive: d });
    }
  }
  const { name, nameSpan, header, directives, span } = section;
  return { kind: 'global', name, nameSpan, header, directives, span, statsSockets };
}

