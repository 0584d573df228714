import type { BalanceRequestKey, BalanceSetup } from './types';
import { fullHash } from './full-hash';
import { headerKey, queryOf, urlParamValue } from './request-keys';
import { sourceIpHash } from './source-ip-hash';
import { hashBytes, keyBytes } from './string-hashes';
import { parseUriOptions, uriKey } from './uri-key';

/** Outcome of hashing one request for a hash-based algorithm. */
export type BalanceHash =
  | { readonly kind: 'hash'; readonly value: number; readonly key: string }
  | { readonly kind: 'missing'; readonly reason: string }
  | { readonly kind: 'unmodelled'; readonly reason: string };

/** Algorithms whose server follows from a hash of the request. */
export const HASH_ALGORITHMS: ReadonlySet<string> = new Set(['source', 'uri', 'url_param', 'hdr', 'hash', 'rdp-cookie']);

function requestTarget(key: BalanceRequestKey): string | undefined {
  if (key.uri !== undefined) {
    return key.uri;
  }
  if (key.path === undefined) {
    return undefined;
  }
  return key.query === undefined ? key.path : `${key.path}?${key.query}`;
}

/** The text a string-keyed algorithm hashes, or a reason it is missing. */
function textKey(setup: BalanceSetup, key: BalanceRequestKey): { text: string } | { missing: string } {
  switch (setup.algorithm) {
    case 'uri': {
      const target = requestTarget(key);
      return target === undefined ? { missing: 'no request URI given' } : { text: uriKey(target, parseUriOptions(setup.params)) };
    }
    case 'url_param': {
      const name = setup.argument ?? setup.params[0] ?? '';
      const target = requestTarget(key);
      const query = key.query ?? (target === undefined ? undefined : queryOf(target));
      const value = query === undefined ? undefined : urlParamValue(query, name);
      return value === undefined ? { missing: `URL parameter \`${name}\` is absent` } : { text: value };
    }
    case 'hdr': {
      const name = (setup.argument ?? '').toLowerCase();
      const value = headerKey(key.headers?.get(name), setup.params.includes('use_domain_only'));
      return value === undefined ? { missing: `header \`${name}\` is absent or empty` } : { text: value };
    }
    default:
      return key.hashSample === undefined ? { missing: 'the hash sample is missing' } : { text: key.hashSample };
  }
}

/**
 * Hashes a request the way a map-based hash algorithm does: extract the key
 * (see uri-key.ts, request-keys.ts, source-ip-hash.ts), hash it with the
 * `hash-type` function (never for `source`), then apply `avalanche`.
 *
 * Contract: `setup.algorithm` must be one of {@link HASH_ALGORITHMS}.
 * Returns 'missing' when the request lacks the key (HAProxy then uses round
 * robin) and 'unmodelled' for the `wt6` and `none` functions.
 */
export function balanceHash(setup: BalanceSetup, key: BalanceRequestKey): BalanceHash {
  let raw: number;
  let text: string;
  if (setup.algorithm === 'source') {
    const folded = key.srcIp === undefined ? undefined : sourceIpHash(key.srcIp);
    if (folded === undefined) {
      return { kind: 'missing', reason: 'no IPv4/IPv6 source address given' };
    }
    raw = folded;
    text = key.srcIp ?? '';
  } else {
    const found = textKey(setup, key);
    if ('missing' in found) {
      return { kind: 'missing', reason: found.missing };
    }
    const fn = setup.hashType.fn;
    if (fn === 'wt6' || fn === 'none') {
      return { kind: 'unmodelled', reason: `hash function ${fn} is not modelled` };
    }
    raw = hashBytes(fn, keyBytes(found.text));
    text = found.text;
  }
  return { kind: 'hash', value: setup.hashType.avalanche ? fullHash(raw) : raw, key: text };
}
