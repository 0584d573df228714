/*
 * The split comes from the balance engine (`server/src/balance`), the engine
 * layer that analysis, simulation and ramp share for exact traffic shares.
 */
import { computeBalance, type BalanceResult, type BalanceServer, type BalanceSetup, type ServerShare } from '../balance';
import type { HaproxyConfig, Proxy } from '../model/types';

/** How one backend spreads traffic over its servers, for hover and code lens. */
export interface BackendSplit {
  /** Which servers serve: active ones, backups (no active is usable) or none (503). */
  readonly pool: BalanceResult['pool'];
  /** Per-server exact shares in declaration order; empty when pool is 'none'. */
  readonly shares: readonly ServerShare[];
  /** Plain-language explanations from the balance engine (weight 0, backups, algorithm caveats). */
  readonly notes: readonly string[];
}

/**
 * The traffic split of every backend and listen section, by name, with all
 * servers assumed up except `disabled` ones (no runtime state is known).
 * Pure; never throws. Servers without a name are left out (HAProxy refuses them).
 */
export function computeBackendSplits(config: HaproxyConfig): Map<string, BackendSplit> {
  const out = new Map<string, BackendSplit>();
  for (const [name, proxy] of config.backendsByName) {
    out.set(name, computeBackendSplit(proxy));
  }
  return out;
}

/**
 * The split of one backend. With `activesDown`, every non-backup server is
 * taken as down: the split HAProxy falls back to when the active pool fails.
 */
export function computeBackendSplit(proxy: Proxy, options: { readonly activesDown?: boolean } = {}): BackendSplit {
  const activesDown = options.activesDown ?? false;
  // Five checks, the code lens and hover all ask for the same backends' splits; a proxy object never changes.
  let known = splits.get(proxy);
  if (!known) {
    known = {};
    splits.set(proxy, known);
  }
  const key = activesDown ? 'activesDown' : 'normal';
  let split = known[key];
  if (!split) {
    const result = computeBalance(balanceSetupOf(proxy, activesDown));
    split = { pool: result.pool, shares: result.shares, notes: result.notes };
    known[key] = split;
  }
  return split;
}

const splits = new WeakMap<Proxy, { normal?: BackendSplit; activesDown?: BackendSplit }>();

/** A backend's balancing input for the balance engine. */
export function balanceSetupOf(proxy: Proxy, activesDown = false): BalanceSetup {
  const servers: BalanceServer[] = proxy.servers.flatMap((s) =>
    s.name === undefined
      ? []
      : [{
          name: s.name,
          weight: s.settings.weight,
          backup: s.settings.backup,
          usable: !s.settings.disabled && (s.settings.backup || !activesDown),
          ...(s.settings.id !== undefined ? { id: s.settings.id } : {}),
          ...(s.settings.maxconn !== undefined ? { maxconn: s.settings.maxconn } : {}),
        }],
  );
  const b = proxy.settings.balance;
  return {
    algorithm: b.algorithm,
    params: b.params,
    ...(b.argument !== undefined ? { argument: b.argument } : {}),
    hashType: proxy.settings.hashType,
    allBackups: proxy.settings.allBackups,
    servers,
  };
}
