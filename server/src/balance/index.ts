/**
 * The load-balancing engine: plain data in, plain data out, no I/O.
 * `computeBalance` is the entry point; the building blocks are exported for
 * the simulator's trace and for tests.
 */
export type { BalanceRequestKey, BalanceResult, BalanceServer, BalanceSetup, ServerShare } from './types';
export { computeBalance } from './compute-balance';
export { fwrrSequence } from './fwrr-sequence';
export { buildLbMap, normalizeWeights, type LbMapOptions } from './lb-map';
export { crc32, djb2, hashBytes, keyBytes, sdbm, type StringHashName } from './string-hashes';
export { fullHash } from './full-hash';
export { sourceIpHash } from './source-ip-hash';
export { parseUriOptions, uriKey, type UriKeyOptions } from './uri-key';
export { headerKey, queryOf, urlParamValue } from './request-keys';
export { balanceHash, HASH_ALGORITHMS, type BalanceHash } from './balance-hash';
export { effectiveIds, isUsable, selectPool, type ServerPool } from './server-pool';
