import { parseWordExpression } from './conditions';
import { parseDefaultBackend } from './proxy-rules';
import type { Balance, BalanceAlgorithm, Directive, HashType, ProxyMode, ProxySettings } from './types';
import { parseTime } from './word-values';

const ALGORITHMS: ReadonlySet<string> = new Set<BalanceAlgorithm>([
  'roundrobin', 'static-rr', 'leastconn', 'first', 'source', 'uri', 'url_param', 'hdr', 'random', 'rdp-cookie', 'hash', 'log-hash', 'sticky',
]);

/** HAProxy's built-in settings, before any `defaults` (balance changed in 3.3). */
export function builtinProxySettings(haproxyVersion: string): ProxySettings {
  const [major = 2, minor = 6] = haproxyVersion.split('.').map((n) => parseInt(n, 10));
  const randomByDefault = major > 3 || (major === 3 && minor >= 3);
  return {
    mode: 'tcp',
    balance: { algorithm: randomByDefault ? 'random' : 'roundrobin', params: [], argument: undefined, expression: undefined, directive: undefined },
    hashType: { method: 'map-based', fn: 'sdbm', avalanche: false },
    allBackups: false,
    timeouts: {},
    httpCheck: undefined,
    defaultBackend: undefined,
    defaultServers: [],
  };
}

/** Parses `balance <algo>[(<arg>)] [params…]`; undefined for an unknown algorithm. */
export function parseBalance(d: Directive): Balance | undefined {
  const word = d.args[0]?.value;
  if (!word) {
    return undefined;
  }
  const m = /^([a-z_-]+)(?:\((.*)\))?$/.exec(word);
  const name = m?.[1] ?? word;
  if (!ALGORITHMS.has(name)) {
    return undefined;
  }
  const params = d.args.slice(1).map((w) => w.value);
  // `balance url_param <name>` and `balance hash <expr>` take the argument as the next word.
  const argument = m?.[2] ?? (name === 'url_param' || name === 'hash' ? params[0] : undefined);
  const hashWord = name === 'hash' ? d.args[1] : undefined;
  return { algorithm: name as BalanceAlgorithm, params, argument, expression: hashWord ? parseWordExpression(hashWord) : undefined, directive: d };
}

function parseHashType(d: Directive, current: HashType): HashType {
  const [method, fn, modifier] = d.args.map((w) => w.value);
  return {
    method: method === 'consistent' ? 'consistent' : 'map-based',
    fn: fn === 'djb2' || fn === 'wt6' || fn === 'crc32' || fn === 'none' || fn === 'sdbm' ? fn : current.fn,
    avalanche: modifier === 'avalanche' || fn === 'avalanche',
  };
}

type Mutable = { -readonly [K in keyof ProxySettings]: ProxySettings[K] };

/**
 * Applies one directive to settings that a proxy inherits or owns. Returns
 * true when the directive was a setting (so callers need not look further).
 */
export function applyProxySetting(s: Mutable, d: Directive): boolean {
  // Argument values are read per case: most directives of a proxy (servers above all) are not settings.
  const arg = (i: number): string | undefined => d.args[i]?.value;
  switch (d.keyword) {
    case 'mode': {
      const mode = arg(0);
      if (mode === 'http' || mode === 'tcp' || mode === 'log') {
        s.mode = mode as ProxyMode;
      }
      return true;
    }
    case 'balance': {
      const b = parseBalance(d);
      if (b) {
        s.balance = b;
      }
      return true;
    }
    case 'hash-type':
      s.hashType = parseHashType(d, s.hashType);
      return true;
    case 'timeout': {
      const name = arg(0);
      const ms = parseTime(arg(1) ?? '');
      if (name && ms !== undefined) {
        s.timeouts = { ...s.timeouts, [name]: ms };
      }
      return true;
    }
    case 'default_backend':
      s.defaultBackend = parseDefaultBackend(d);
      return true;
    case 'default-server':
      s.defaultServers = [...s.defaultServers, d];
      return true;
    case 'option': {
      const option = arg(0);
      if (option === 'allbackups') {
        s.allBackups = true;
      } else if (option === 'httpchk') {
        // 2.6 forms: `option httpchk`, `option httpchk <uri>`, `option httpchk <method> <uri> [<version>]`.
        s.httpCheck = d.args.length === 2 ? { method: undefined, uri: arg(1), version: undefined, directive: d } : { method: arg(1), uri: arg(2), version: arg(3), directive: d };
      }
      return option === 'allbackups' || option === 'httpchk';
    }
    case 'no':
    case 'default':
      if (arg(0) === 'option' && arg(1) === 'allbackups') {
        s.allBackups = false;
        return true;
      }
      if (arg(0) === 'option' && arg(1) === 'httpchk') {
        s.httpCheck = undefined;
        return true;
      }
      return false;
    default:
      return false;
  }
}

export function copySettings(s: ProxySettings): Mutable {
  return { ...s };
}
