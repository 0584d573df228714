import { computeBalance, type BalanceResult, type BalanceServer, type BalanceSetup } from '../balance';
import type { Proxy, Server } from '../model/types';
import { fraction, type Fraction } from './step-weights';

/** A server's state as far as a ramp is concerned. */
export interface ServerState {
  readonly weight: number;
  readonly backup: boolean;
}

/** Where a backend's traffic goes for given server states. */
export interface TargetShare {
  /** Exact share of the traffic the targets receive. */
  readonly share: Fraction;
  readonly balance: BalanceResult;
}

/**
 * The balancing setup of `backend` with every server up (health is not the
 * ramp's concern) and `state` overriding weights and backup flags by server.
 */
export function balanceSetupOf(backend: Proxy, state?: ReadonlyMap<Server, ServerState>): BalanceSetup {
  const servers: BalanceServer[] = backend.servers.map((s) => {
    const over = state?.get(s);
    return {
      name: s.name ?? '',
      weight: over?.weight ?? s.settings.weight,
      backup: over?.backup ?? s.settings.backup,
      usable: !s.settings.disabled,
      ...(s.settings.id !== undefined ? { id: s.settings.id } : {}),
      ...(s.settings.maxconn !== undefined ? { maxconn: s.settings.maxconn } : {}),
    };
  });
  const { balance, hashType, allBackups } = backend.settings;
  return {
    algorithm: balance.algorithm,
    params: balance.params,
    ...(balance.argument !== undefined ? { argument: balance.argument } : {}),
    hashType,
    allBackups,
    servers,
  };
}

/**
 * The exact share of `backend`'s traffic that reaches `targets`, computed by
 * the balance engine (pools, backups, slot maps), optionally for overridden
 * server states. A backend with no usable server gives share 0.
 */
export function targetShare(backend: Proxy, targets: readonly Server[], state?: ReadonlyMap<Server, ServerState>): TargetShare {
  const balance = computeBalance(balanceSetupOf(backend, state));
  const names = new Set(targets.map((t) => t.name));
  let n = 0;
  let d = 1;
  for (const s of balance.shares) {
    if (names.has(s.name)) {
      // n/d + a/b, kept exact.
      n = n * s.denominator + s.numerator * d;
      d = d * s.denominator;
    }
  }
  return { share: fraction(n, d), balance };
}
