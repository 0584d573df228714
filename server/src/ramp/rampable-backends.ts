import type { HaproxyConfig } from '../model/types';
import { rampStatus, type RampStatus } from './plan-ramp';
import { resolveRampBackend, type RampOptions } from './ramp-backend';

/** A backend a ramp command can act on, with where it stands. */
export interface RampableBackend {
  readonly name: string;
  readonly status: RampStatus;
  /** Offsets of the backend section, to find the one at a cursor. */
  readonly span: { readonly start: number; readonly end: number };
}

/**
 * Every backend with at least one source and one target server (by
 * annotation or name pattern), in file order.
 *
 * Contract: pure; never throws; backends that cannot be ramped are left out.
 */
export function rampableBackends(config: HaproxyConfig, options: RampOptions = {}): RampableBackend[] {
  return [...config.backendsByName.keys()].flatMap((name) => {
    const ramp = resolveRampBackend(config, name, { ...(options.targetPattern ? { targetPattern: options.targetPattern } : {}) });
    return 'problem' in ramp ? [] : [{ name, status: rampStatus(ramp), span: ramp.backend.span }];
  }).sort((a, b) => a.span.start - b.span.start);
}
