/* Hover texts for model nodes of a config: servers, backends, ACLs, map paths. */
import type { AnalyzedDocument } from '../document-cache';
import { computeBackendSplit, lineOf, type MapReference, type Proxy, type Server, type SourceFile } from '../engine';
import { lineLink } from './render-route';
import { formatPercent, isTarget, sharesTable, splitLabel } from './render-split';

/** A server line: its effective share of the backend's traffic, and what shapes it. */
export function serverHover(server: Server, proxy: Proxy, target: RegExp | undefined): string {
  const split = computeBackendSplit(proxy);
  const share = split.shares.find((s) => s.name === server.name);
  const kind = isTarget(server, target) ? 'cloud' : 'on-prem';
  const head = share
    ? `**server \`${server.name ?? '?'}\`** (${kind}) receives **${formatPercent(share.share)}** of backend \`${proxy.name ?? '?'}\` (${share.numerator}/${share.denominator}, balance ${proxy.settings.balance.algorithm})`
    : `**server \`${server.name ?? '?'}\`** (${kind}) receives **no traffic** from backend \`${proxy.name ?? '?'}\`${split.pool === 'backup' ? '' : server.settings.backup ? ' while an active server is up (backup)' : ''}`;
  const notes = split.notes.map((n) => `- ${n}`);
  return [head, '', `Split: ${splitLabel(proxy, split, target)}`, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** A backend name (definition or reference): the split of its servers. */
export function backendHover(proxy: Proxy | undefined, name: string, target: RegExp | undefined): string {
  if (!proxy) {
    return `**backend \`${name}\`** is not defined in this config`;
  }
  const split = computeBackendSplit(proxy);
  const table = split.shares.length > 0 ? ['', sharesTable(proxy, split.shares, target)] : [];
  return [`**${proxy.kind} \`${name}\`** · ${splitLabel(proxy, split, target)}`, ...table, ...split.notes.map((n) => `\n- ${n}`)].join('\n');
}

/** An ACL name: where it is declared. */
export function aclHover(name: string, proxy: Proxy, file: SourceFile): string {
  const defs = proxy.acls.filter((a) => a.name === name);
  return [`**acl \`${name}\`** in ${proxy.kind} \`${proxy.name ?? '?'}\``, '', ...defs.map((a) => `- ${lineLink(file.path, lineOf(file, a.directive.span.start))} \`${a.directive.args.map((w) => w.raw).join(' ')}\``)].join('\n');
}

/** A map path: where it resolves and how the converter reads it. */
export function mapPathHover(ref: MapReference, doc: AnalyzedDocument): string {
  const resolved = doc.loaded.maps.get(ref.path);
  const where = resolved?.resolvedPath ? `opens \`${resolved.resolvedPath}\` (${resolved.map?.entries.length ?? 0} lines)` : 'is **not found** (see haproxy.mapRoots)';
  const dflt = ref.defaultValue !== undefined ? `, default \`${ref.defaultValue}\`` : '';
  return `**${ref.converter}** \`${ref.path}\` ${where}${dflt}${ref.selectsBackend ? ' — its values are backend names' : ''}`;
}
