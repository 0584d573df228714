import type { HaproxyConfig, Proxy, Server } from '../model/types';
import { findRampAnnotation, type RampAnnotation } from './ramp-annotation';

/** The seed's steps: 1% → 5% → 10% → 25% → 50% → 75% → 100%. */
export const DEFAULT_RAMP_STEPS: readonly number[] = [1, 5, 10, 25, 50, 75, 100];

/** Server names that look like cloud targets when nothing else says which servers are targets. */
export const DEFAULT_TARGET_PATTERN = /aws|cloud|k8s|kubernetes|eks|gke|aks|gcp|azure/i;

/** What the caller knows about the ramp beyond the config. */
export interface RampOptions {
  /** Target server names (`--to`), overriding the annotation and the pattern. */
  readonly to?: readonly string[];
  /** Step percentages (`--steps`), overriding the annotation and the default. */
  readonly steps?: readonly number[];
  /** Name pattern for targets (a setting); default {@link DEFAULT_TARGET_PATTERN}. */
  readonly targetPattern?: RegExp;
}

/** A backend split into the servers traffic leaves (sources) and the ones it moves to (targets). */
export interface RampBackend {
  readonly backend: Proxy;
  readonly name: string;
  /** Declaration order. */
  readonly sources: readonly Server[];
  readonly targets: readonly Server[];
  readonly steps: readonly number[];
  /** How the targets were chosen. */
  readonly targetsFrom: 'option' | 'annotation' | 'pattern';
  readonly annotation: RampAnnotation | undefined;
}

/** Why a backend cannot be ramped, as a sentence for the user. */
export interface RampProblem {
  readonly problem: string;
}

/**
 * Finds backend `name` and splits its servers into sources and targets:
 * `options.to` first, else a `# ramp:` annotation, else the name pattern.
 *
 * Contract: never throws; returns a problem when the backend does not exist,
 * has no server, names an unknown target, or when no server or every server
 * would be a target. Servers without a name are ignored.
 */
export function resolveRampBackend(config: HaproxyConfig, name: string, options: RampOptions = {}): RampBackend | RampProblem {
  const backend = config.backendsByName.get(name);
  if (!backend) {
    const known = [...config.backendsByName.keys()];
    return { problem: `No backend named '${name}'${known.length ? ` (backends: ${known.join(', ')})` : ''}` };
  }
  const servers = backend.servers.filter((s) => s.name !== undefined);
  if (servers.length === 0) {
    return { problem: `Backend '${name}' has no server to ramp` };
  }
  const annotation = findRampAnnotation(backend, config.comments);
  if (annotation && annotation.problems.length > 0) {
    return { problem: `Ramp annotation in backend '${name}': ${annotation.problems.join('; ')}` };
  }
  const chosen = chooseTargets(servers, options, annotation);
  if ('problem' in chosen) {
    return { problem: `Backend '${name}': ${chosen.problem}` };
  }
  const targets = servers.filter((s) => chosen.names.has(s.name as string));
  const sources = servers.filter((s) => !chosen.names.has(s.name as string));
  if (targets.length === 0) {
    return { problem: `Backend '${name}' has no target server (${describeRule(chosen.from)}); name them with --to or a '# ramp: to=…' comment` };
  }
  if (sources.length === 0) {
    return { problem: `Every server of backend '${name}' is a target (${describeRule(chosen.from)}): there is no source to move traffic from` };
  }
  const steps = options.steps ?? annotation?.steps ?? DEFAULT_RAMP_STEPS;
  return { backend, name, sources, targets, steps, targetsFrom: chosen.from, annotation };
}

function describeRule(from: RampBackend['targetsFrom']): string {
  switch (from) {
    case 'option':
      return 'targets given with --to';
    case 'annotation':
      return "targets from the '# ramp:' comment";
    case 'pattern':
      return 'targets are servers whose name matches the cloud pattern';
  }
}

function chooseTargets(
  servers: readonly Server[],
  options: RampOptions,
  annotation: RampAnnotation | undefined,
): { names: Set<string>; from: RampBackend['targetsFrom'] } | RampProblem {
  const named = options.to ?? annotation?.to;
  if (named) {
    const known = new Set(servers.map((s) => s.name as string));
    const unknown = named.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      return { problem: `no server named ${unknown.map((u) => `'${u}'`).join(', ')} (servers: ${[...known].join(', ')})` };
    }
    return { names: new Set(named), from: options.to ? 'option' : 'annotation' };
  }
  const pattern = options.targetPattern ?? DEFAULT_TARGET_PATTERN;
  return { names: new Set(servers.filter((s) => pattern.test(s.name as string)).map((s) => s.name as string)), from: 'pattern' };
}
