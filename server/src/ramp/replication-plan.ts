import type { HaproxyConfig, MapFile } from '../model/types';
import { backendChain } from './backend-chain';
import { resolveRampBackend } from './ramp-backend';

/** The seed's replication ramp: percentage and how long GOReplay runs at it. */
export const REPLICATION_STEPS: readonly { readonly percent: number; readonly duration: string }[] = [
  { percent: 1, duration: '45s' },
  { percent: 2, duration: '45s' },
  { percent: 5, duration: '45s' },
  { percent: 10, duration: '45s' },
  { percent: 20, duration: '60s' },
  { percent: 40, duration: '60s' },
  { percent: 60, duration: '60s' },
  { percent: 80, duration: '60s' },
  { percent: 100, duration: '7h' },
];

export interface ReplicationOptions {
  /** `-output-http` base URL; default: the first target server of the chain's most-cloud backend. */
  readonly target?: string;
  /** `-input-raw` address; default `:8080` as in the seed. */
  readonly input?: string;
}

/** A rendered GOReplay ramp script for one map line. */
export interface ReplicationPlan {
  readonly script: string;
  readonly allow: string;
  readonly disallow: readonly string[];
  readonly target: string;
}

const META = new Set(['(', ')', '[', ']', '{', '}', '.', '*', '+', '?', '|', '^', '$']);

/** The literal text a regex key starts with (escapes of punctuation resolved), up to its first operator. */
export function literalPrefix(key: string): string {
  let out = '';
  let i = key.startsWith('^') ? 1 : 0;
  while (i < key.length) {
    const c = key[i] as string;
    if (c === '\\') {
      const next = key[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) {
        break;
      }
      out += next;
      i += 2;
      continue;
    }
    if (META.has(c)) {
      break;
    }
    out += c;
    i++;
  }
  // A quantifier binds the character before it, which is then not literal.
  return /[*?{]/.test(key[i] ?? '') ? out.slice(0, -1) : out;
}

/** The path part of a `base`-style key (host + path) as a URL regex: `\/` becomes `/`, anchored at the path. */
export function pathRegex(key: string): string {
  const body = key.startsWith('^') ? key.slice(1) : key;
  const slash = body.search(/\\\/|\//);
  const path = slash < 0 ? '/' : body.slice(slash);
  return '^' + path.replace(/\\\//g, '/');
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function defaultTarget(config: HaproxyConfig, map: MapFile, backend: string): string | undefined {
  const chain = backendChain(config, map, backend);
  for (const link of [...chain].reverse()) {
    const ramp = resolveRampBackend(config, link.backend);
    const proxy = config.backendsByName.get(link.backend);
    const server = 'problem' in ramp ? proxy?.servers[0] : ramp.targets[0];
    if (server?.address) {
      const scheme = server.settings.ssl ? 'https' : 'http';
      const hostPort = server.address.replace(/:(443|80)$/, (m) => ((m === ':443') === server.settings.ssl ? '' : m));
      return `${scheme}://${hostPort}/`;
    }
  }
  return undefined;
}

/**
 * Renders the seed's GOReplay ramp (1% … 100% over 45s … 7h) for the path of
 * map line `line` (1-based): `-http-allow-url` is the line's path, each
 * earlier line whose literal prefix extends this line's (a more specific
 * path routed elsewhere, such as the critical payments path) becomes an
 * `-http-disallow-url`, and traffic is replayed to the target server.
 *
 * Contract: pure; never throws. Returns a problem when the line is not an
 * entry or no target URL can be found or was given.
 */
export function planReplication(config: HaproxyConfig, map: MapFile, line: number, options: ReplicationOptions = {}): ReplicationPlan | { problem: string } {
  const entry = map.entries.find((e) => e.line === line - 1);
  if (!entry) {
    return { problem: `Line ${line} of ${map.file.path} is not a map entry` };
  }
  const target = options.target ?? defaultTarget(config, map, entry.value);
  if (!target) {
    return { problem: `No target server found for '${entry.value}': give the replay target with --target URL` };
  }
  const prefix = literalPrefix(entry.key);
  const disallow = map.entries
    .filter((e) => e.line < entry.line && e.key !== entry.key && literalPrefix(e.key).startsWith(prefix))
    .map((e) => pathRegex(e.key));
  const allow = pathRegex(entry.key);
  const lines = [
    '#!/bin/bash',
    `# Replays production traffic of ${map.file.path} line ${line} (${entry.key} -> ${entry.value})`,
    `# to ${target} before users are moved, ramping up as in the migration runbook.`,
    'set -u',
    '',
    'replicate_traffic() {',
    '  local REPLICATION_PERCENTAGE="${1:-5%}"',
    '  local TIMEOUT="${2:-45s}"',
    '  echo "Replicating traffic at ${REPLICATION_PERCENTAGE} for ${TIMEOUT}"',
    '  ./gor -exit-after "${TIMEOUT}" \\',
    `    -input-raw ${quote(options.input ?? ':8080')} \\`,
    ...disallow.map((d) => `    -http-disallow-url ${quote(d)} \\`),
    `    -http-allow-url ${quote(allow)} \\`,
    `    -output-http "${target}|\${REPLICATION_PERCENTAGE}" \\`,
    '    -http-original-host \\',
    '    2>/dev/null',
    '}',
    '',
    ...REPLICATION_STEPS.map((s) => `replicate_traffic ${s.percent}% ${s.duration}`),
    '',
  ];
  return { script: lines.join('\n'), allow, disallow, target };
}
