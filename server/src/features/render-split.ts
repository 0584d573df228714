/*
 * Markdown and one-line renderings of a backend's traffic split, shared by
 * hover, code lens and the simulate request.
 */
import type { BackendSplit, Proxy, Server } from '../engine';

/** `0.25` → `25%`, `1/3` → `33.33%` (at most two decimals). */
export function formatPercent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/** A case-insensitive RegExp from the target pattern setting; undefined when it does not compile. */
export function targetRegExp(pattern: string): RegExp | undefined {
  try {
    return pattern ? new RegExp(pattern, 'i') : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `server` is a migration target (cloud) by name or address. */
export function isTarget(server: Server | undefined, target: RegExp | undefined): boolean {
  return server !== undefined && target !== undefined && target.test(`${server.name ?? ''} ${server.address ?? ''}`);
}

/**
 * One line for a lens: `cloud 25% · on-prem 75%` when the backend mixes
 * target and other servers, else `name 50% · name 50%`; `no server available
 * (503)` for an empty pool.
 */
export function splitLabel(proxy: Proxy, split: BackendSplit, target: RegExp | undefined): string {
  if (split.pool === 'none') {
    return 'no server available (503)';
  }
  const byName = new Map(proxy.servers.map((s) => [s.name, s]));
  const cloud = split.shares.filter((s) => isTarget(byName.get(s.name), target));
  const backup = split.pool === 'backup' ? ' (backup pool)' : '';
  if (cloud.length > 0 && cloud.length < split.shares.length) {
    const c = cloud.reduce((a, s) => a + s.share, 0);
    return `cloud ${formatPercent(c)} · on-prem ${formatPercent(1 - c)}${backup}`;
  }
  return split.shares.map((s) => `${s.name} ${formatPercent(s.share)}`).join(' · ') + backup;
}

/** A Markdown table of server shares (exact fraction, weight, kind). */
export function sharesTable(proxy: Proxy, shares: BackendSplit['shares'], target: RegExp | undefined): string {
  const byName = new Map(proxy.servers.map((s) => [s.name, s]));
  const rows = shares.map((s) => {
    const server = byName.get(s.name);
    const kind = isTarget(server, target) ? 'cloud' : 'on-prem';
    return `| \`${s.name}\` | **${formatPercent(s.share)}** | ${s.numerator}/${s.denominator} | ${server?.settings.weight ?? '?'} | ${kind}${s.backup ? ', backup' : ''} |`;
  });
  return ['| server | share | fraction | weight | |', '|---|---:|---:|---:|---|', ...rows].join('\n');
}
