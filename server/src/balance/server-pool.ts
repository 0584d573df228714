import type { BalanceServer } from './types';

/** Which servers load balancing may use right now. */
export interface ServerPool {
  readonly pool: 'active' | 'backup' | 'none';
  /** Indexes of usable servers of that pool, in declaration order. */
  readonly usable: readonly number[];
  readonly notes: readonly string[];
}

/** Usable for load balancing (§2.6): up, not in maintenance/drain, weight > 0. */
export function isUsable(server: BalanceServer): boolean {
  return server.usable && Number.isFinite(server.weight) && Math.floor(server.weight) > 0;
}

/**
 * Picks the pool: usable non-backup servers when there is one, otherwise
 * usable backups, otherwise none (HAProxy answers 503).
 *
 * Contract: never throws; `notes` explain weight-0 servers and failover.
 */
export function selectPool(servers: readonly BalanceServer[]): ServerPool {
  const notes: string[] = [];
  const zero = servers.filter((s) => s.usable && !isUsable(s)).map((s) => s.name);
  if (zero.length > 0) {
    notes.push(`weight 0 takes ${zero.join(', ')} out of load balancing (persistence can still reach them)`);
  }
  const indexes = (backup: boolean): number[] =>
    servers.flatMap((s, i) => (s.backup === backup && isUsable(s) ? [i] : []));
  const actives = indexes(false);
  if (actives.length > 0) {
    return { pool: 'active', usable: actives, notes };
  }
  const backups = indexes(true);
  if (backups.length > 0) {
    notes.push('no usable active server (down, in maintenance or weight 0): backup servers take over');
    return { pool: 'backup', usable: backups, notes };
  }
  notes.push('no usable server: HAProxy answers 503 (No server is available to handle this request)');
  return { pool: 'none', usable: [], notes };
}

/**
 * Effective numeric ids: explicit `id`s are kept; every other server gets the
 * smallest unused id above the previously assigned one, in declaration order.
 */
export function effectiveIds(servers: readonly BalanceServer[]): number[] {
  const taken = new Set(servers.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  let next = 1;
  return servers.map((s) => {
    if (s.id !== undefined) {
      return s.id;
    }
    while (taken.has(next)) {
      next++;
    }
    taken.add(next);
    return next++;
  });
}
