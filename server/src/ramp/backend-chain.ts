import type { HaproxyConfig, MapFile } from '../model/types';
import { DEFAULT_TARGET_PATTERN, resolveRampBackend, type RampOptions } from './ramp-backend';
import { formatPercent, type Fraction } from './step-weights';
import { targetShare } from './target-share';

/** One backend of a path-by-path chain with the share of its traffic that reaches the cloud. */
export interface ChainLink {
  readonly backend: string;
  readonly cloudShare: Fraction;
}

/** Words that name where a backend's servers run rather than which application it serves. */
const PLACEMENT_WORDS = new Set([
  'on', 'prem', 'onprem', 'premise', 'premises', 'mixed', 'critical', 'cloud', 'aws', 'k8s', 'kubernetes', 'eks', 'gke', 'aks', 'gcp', 'azure',
  'legacy', 'old', 'new', 'dc', 'datacenter', 'canary', 'split', 'migration', 'hybrid', 'both',
]);

/** `application-02-mixed-critical` → `application-02`: the name without its trailing placement words. */
export function applicationStem(name: string): string {
  const parts = name.split(/([-_.])/);
  // parts alternate word, separator, word, …
  let end = parts.length;
  while (end > 1 && PLACEMENT_WORDS.has((parts[end - 1] ?? '').toLowerCase())) {
    end -= 2;
  }
  return parts.slice(0, Math.max(end, 1)).join('');
}

/**
 * The cloud share of a backend: the target share of its ramp split (target
 * servers by annotation or name pattern), 0 when no server is a target and 1
 * when every server is.
 */
export function cloudShare(config: HaproxyConfig, backend: string, options: RampOptions = {}): Fraction {
  const ramp = resolveRampBackend(config, backend, { ...(options.targetPattern ? { targetPattern: options.targetPattern } : {}) });
  if ('problem' in ramp) {
    const proxy = config.backendsByName.get(backend);
    const pattern = options.targetPattern;
    const names = proxy?.servers.map((s) => s.name ?? '') ?? [];
    const allTargets = names.length > 0 && names.every((n) => (pattern ?? DEFAULT_TARGET_PATTERN).test(n));
    return allTargets ? { numerator: 1, denominator: 1 } : { numerator: 0, denominator: 1 };
  }
  return targetShare(ramp.backend, ramp.targets).share;
}

/**
 * The chain `backend` belongs to: the backends that `map`'s lines already
 * use (and the config's backends) with the same application stem (the name
 * without trailing placement words such as on-prem, mixed, cloud), in
 * increasing cloud share (ties by name), e.g. `-on-prem` (0%) →
 * `-mixed-critical` (1%) → `-mixed` (25%) → `-on-cloud` (100%).
 *
 * Contract: pure; never throws. Returns just `backend` when it has no family.
 */
export function backendChain(config: HaproxyConfig, map: MapFile, backend: string, options: RampOptions = {}): ChainLink[] {
  const used = new Set(map.entries.map((e) => e.value).filter((v) => config.backendsByName.has(v)));
  const stem = applicationStem(backend);
  const family = new Set([backend]);
  for (const name of [...used, ...config.backendsByName.keys()]) {
    if (applicationStem(name) === stem) {
      family.add(name);
    }
  }
  return [...family]
    .map((b) => ({ backend: b, cloudShare: cloudShare(config, b, options) }))
    .sort((x, y) => x.cloudShare.numerator * y.cloudShare.denominator - y.cloudShare.numerator * x.cloudShare.denominator || x.backend.localeCompare(y.backend));
}

/** `name (25%)` for messages. */
export function describeLink(link: ChainLink): string {
  return `${link.backend} (${formatPercent(link.cloudShare)} cloud)`;
}
