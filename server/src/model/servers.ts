import { SERVER_SETTING_ARITY } from './server-keywords';
import type { Directive, Server, ServerSettings, Word } from './types';
import { atol, parseCount, parseTime } from './word-values';

type MutableSettings = { -readonly [K in keyof ServerSettings]: ServerSettings[K] };

/** HAProxy's defaults for a server with no setting at all (reference §2.2). Never changed: settings are applied on copies. */
const INITIAL_SERVER_SETTINGS: ServerSettings = {
  weight: 1, weightWord: undefined, weightKeyword: undefined, backup: false, backupWord: undefined, disabled: false,
  check: false, inter: undefined, fastinter: undefined, downinter: undefined, rise: 2, fall: 3, observe: undefined,
  errorLimit: 10, onError: undefined, slowstart: undefined, maxconn: undefined, track: undefined, resolvers: undefined,
  ssl: false, verify: undefined, sni: undefined, checkSni: undefined, id: undefined, cookie: undefined,
};

/**
 * Applies the settings words of one `server`/`default-server` line on top of
 * `base`. `own` is true for the server's own line: only then are the words
 * remembered (the ramp edits exactly those tokens).
 */
export function applyServerSettings(base: ServerSettings, words: readonly Word[], own: boolean): ServerSettings {
  const s: MutableSettings = { ...base };
  if (own) {
    // Words recorded from a default-server line would point into another line.
    s.weightWord = undefined;
    s.weightKeyword = undefined;
    s.backupWord = undefined;
  }
  let i = 0;
  while (i < words.length) {
    const kw = words[i] as Word;
    const k = kw.value;
    const v = words[i + 1]?.value;
    switch (k) {
      case 'weight':
        s.weight = atol(v ?? '');
        if (own) {
          s.weightWord = words[i + 1];
          s.weightKeyword = kw;
        }
        break;
      case 'backup':
        s.backup = true;
        if (own) {
          s.backupWord = kw;
        }
        break;
      case 'no-backup':
        s.backup = false;
        break;
      case 'disabled':
        s.disabled = true;
        break;
      case 'enabled':
        s.disabled = false;
        break;
      case 'check':
        s.check = true;
        break;
      case 'no-check':
        s.check = false;
        break;
      case 'ssl':
        s.ssl = true;
        break;
      case 'no-ssl':
        s.ssl = false;
        break;
      case 'inter':
      case 'fastinter':
      case 'downinter':
      case 'slowstart':
        s[k] = parseTime(v ?? '');
        break;
      case 'rise':
      case 'fall':
        s[k] = parseCount(v ?? '') ?? s[k];
        break;
      case 'error-limit':
        s.errorLimit = parseCount(v ?? '') ?? s.errorLimit;
        break;
      case 'maxconn':
        s.maxconn = parseCount(v ?? '');
        break;
      case 'id':
        s.id = parseCount(v ?? '');
        break;
      case 'observe':
        s.observe = v === 'layer4' || v === 'layer7' ? v : undefined;
        break;
      case 'on-error':
        s.onError = v === 'fastinter' || v === 'fail-check' || v === 'sudden-death' || v === 'mark-down' ? v : undefined;
        break;
      case 'verify':
        s.verify = v === 'none' || v === 'required' ? v : undefined;
        break;
      case 'track':
        s.track = v;
        break;
      case 'resolvers':
        s.resolvers = v;
        break;
      case 'sni':
        s.sni = v;
        break;
      case 'check-sni':
        s.checkSni = v;
        break;
      case 'cookie':
        s.cookie = v;
        break;
      default:
        break;
    }
    i += 1 + (SERVER_SETTING_ARITY.get(k) ?? 0);
    if (k === 'source' && words[i]?.value === 'usesrc') {
      i += 2;
    }
  }
  return s;
}

/** Settings words of a `default-server` line. */
export function defaultServerWords(d: Directive): readonly Word[] {
  return d.args;
}

/**
 * Most servers one `server-template` line creates in the model, and most
 * servers templates bring into one proxy. HAProxy has no such limit, but a
 * model of hundreds of thousands of servers made every check and edit take
 * seconds; servers past these counts are left out of shares and checks.
 */
export const TEMPLATE_SERVER_LIMIT = 4096;
export const PROXY_SERVER_LIMIT = 16384;

/**
 * Builds the model servers of a `server` or `server-template` line, applying
 * the `default-server` lines in effect (oldest first). A template creates at
 * most `room` servers.
 */
export function buildServers(d: Directive, defaults: readonly Directive[], room = PROXY_SERVER_LIMIT): Server[] {
  let base = INITIAL_SERVER_SETTINGS;
  for (let at = 0; at < defaults.length; at++) {
    base = applyServerSettings(base, defaultServerWords(defaults[at] as Directive), false);
  }
  if (d.keyword === 'server-template') {
    const [prefix, range, address, ...rest] = d.args;
    const settings = applyServerSettings(base, rest, true);
    const m = /^(\d+)(?:-(\d+))?$/.exec(range?.value ?? '');
    if (!prefix || !m) {
      return [];
    }
    const low = m[2] ? parseInt(m[1] as string, 10) : 1;
    const high = Math.min(m[2] ? parseInt(m[2], 10) : parseInt(m[1] as string, 10), low + Math.min(TEMPLATE_SERVER_LIMIT, room) - 1);
    const servers: Server[] = [];
    for (let n = low; n <= high; n++) {
      servers.push({ kind: 'server', name: `${prefix.value}${n}`, nameSpan: prefix.span, address: address?.value, addressSpan: address?.span, settings, template: { prefix: prefix.value, index: n }, directive: d });
    }
    return servers;
  }
  // Indexed, not destructured: destructuring steps an iterator, one allocation per word until V8 optimises this, and a first open builds thousands of servers.
  const name = d.args[0];
  const address = d.args[1];
  return [{ kind: 'server', name: name?.value, nameSpan: name?.span, address: address?.value, addressSpan: address?.span, settings: applyServerSettings(base, d.args.slice(2), true), template: undefined, directive: d }];
}
