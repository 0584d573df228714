import type { BalanceRequestKey, BalanceResult, BalanceServer, BalanceSetup } from './types';
import { balanceHash, HASH_ALGORITHMS } from './balance-hash';
import { buildLbMap } from './lb-map';
import { effectiveIds, selectPool, type ServerPool } from './server-pool';
import { sharesFromCounts, slotCounts, weightCounts } from './shares';

function nameAt(servers: readonly BalanceServer[], index: number | undefined): string {
  return index === undefined ? '?' : (servers[index]?.name ?? `#${index}`);
}

/** static-rr and `hash-type map-based` hashing share one precomputed slot map. */
function usesSlotMap(setup: BalanceSetup): boolean {
  return setup.algorithm === 'static-rr' || (HASH_ALGORITHMS.has(setup.algorithm) && setup.hashType.method === 'map-based');
}

function mapBased(setup: BalanceSetup, found: ServerPool, key: BalanceRequestKey | undefined, notes: string[]): BalanceResult {
  const { servers } = setup;
  const quirk = found.pool === 'backup' && !setup.allBackups;
  const map = buildLbMap(servers.map((s) => s.weight), { pool: found.usable, lengthFromFirst: quirk });
  const counts = slotCounts(map);
  if (quirk && found.usable.length > 1) {
    const users = [...counts.keys()].sort((a, b) => a - b).map((i) => nameAt(servers, i));
    const first = nameAt(servers, found.usable[0]);
    notes.push(users.length === 1 && users[0] === first
      ? `only the first usable backup (${first}) receives traffic without option allbackups`
      : `without option allbackups the map has ${map.length} slots (the normalized weight of ${first}) but every usable backup competes for them, so ${users.join(', ')} ${users.length === 1 ? 'receives all' : 'receive'} traffic`);
  }
  const base: BalanceResult = { pool: found.pool, shares: sharesFromCounts(servers, counts), notes };
  if (setup.algorithm === 'static-rr') {
    notes.push(`static-rr walks a map of ${map.length} slots in turn: shares are exact over every ${map.length} requests`);
    return base;
  }
  if (key === undefined) {
    notes.push('shares assume evenly spread hash keys');
    return base;
  }
  const hashed = balanceHash(setup, key);
  if (hashed.kind === 'missing') {
    notes.push(`${hashed.reason}: HAProxy walks the ${map.length}-slot map in round-robin order instead`);
    return { ...base, keyMissing: true };
  }
  if (hashed.kind === 'unmodelled') {
    notes.push(`${hashed.reason}: the exact server for this request is unknown`);
    return base;
  }
  const slot = hashed.value % map.length;
  const chosen = nameAt(servers, map[slot]);
  notes.push(`key \`${hashed.key}\` hashes to ${hashed.value}, slot ${slot} of ${map.length}: ${chosen}`);
  return { ...base, chosen };
}

function dynamic(setup: BalanceSetup, found: ServerPool, key: BalanceRequestKey | undefined, notes: string[]): BalanceResult {
  const { servers, algorithm } = setup;
  let members = found.usable;
  if (found.pool === 'backup' && !setup.allBackups && members.length > 1) {
    members = members.slice(0, 1);
    notes.push(`only the first usable backup (${nameAt(servers, members[0])}) receives traffic without option allbackups`);
  }
  let counts = weightCounts(servers, members);
  let keyMissing: boolean | undefined;
  if (algorithm === 'first' || algorithm === 'sticky') {
    const ids = effectiveIds(servers);
    const lowest = [...members].sort((a, b) => (ids[a] ?? 0) - (ids[b] ?? 0))[0];
    counts = new Map(lowest === undefined ? [] : [[lowest, 1]]);
    const server = lowest === undefined ? undefined : servers[lowest];
    notes.push(`balance ${algorithm} ignores weights: every request goes to ${nameAt(servers, lowest)}, the usable server with the lowest id`);
    if (server?.maxconn !== undefined && server.maxconn > 0) {
      notes.push(`once ${server.name} has ${server.maxconn} requests in flight (maxconn), the next server by id takes the overflow`);
    }
  } else if (algorithm === 'roundrobin') {
    notes.push('roundrobin: shares are exact over every cycle of Σweight requests');
  } else if (algorithm === 'leastconn') {
    notes.push('leastconn: shares assume steady concurrent load (in-flight requests follow weights); with one request at a time HAProxy 2.6 rotates 1:1 and ignores weights');
  } else if (algorithm === 'random') {
    notes.push('random: shares are the long-run average of weighted random draws; short runs deviate (2.6 gave 116/192/292 for weights 1:2:3 over 600 requests)');
  } else if (algorithm === 'log-hash') {
    notes.push('log-hash applies to mode log backends only: shares are an approximation by weight');
  } else {
    notes.push('hash-type consistent: shares follow weights approximately; exact placement on the hash ring is not modelled');
    if (key !== undefined) {
      const hashed = balanceHash(setup, key);
      if (hashed.kind === 'missing') {
        keyMissing = true;
        notes.push(`${hashed.reason}: HAProxy picks the next server on the ring in turn instead`);
      }
    }
  }
  const result: BalanceResult = { pool: found.pool, shares: sharesFromCounts(servers, counts), notes };
  return keyMissing ? { ...result, keyMissing } : result;
}

/**
 * Computes where a backend sends traffic: which pool serves, each server's
 * exact share over many requests and, for map-based hashing with a present
 * key, the server this request reaches.
 *
 * Contract: pure and deterministic; never throws for any setup. Servers are
 * usable for load balancing only when `usable` and weight ≥ 1. Shares are
 * exact rationals for roundrobin, static-rr and map-based hashing (over the
 * key space), and by-weight approximations for leastconn, random and
 * consistent hashing (see `notes`). `pool: 'none'` comes with no shares.
 * Without a `key`, hash algorithms report shares only.
 */
export function computeBalance(setup: BalanceSetup, key?: BalanceRequestKey): BalanceResult {
  const found = selectPool(setup.servers);
  const notes = [...found.notes];
  if (found.pool === 'none') {
    return { pool: 'none', shares: [], notes };
  }
  return usesSlotMap(setup) ? mapBased(setup, found, key, notes) : dynamic(setup, found, key, notes);
}
