import type { HaproxyConfig, MapEntry, MapFile } from '../model/types';
import { backendChain, describeLink, type ChainLink } from './backend-chain';
import type { RampOptions } from './ramp-backend';
import type { TextReplacement } from './render-ramp';

/** What promoting one map line does. */
export interface PromotePlan {
  readonly entry: MapEntry;
  readonly from: ChainLink;
  readonly to: ChainLink;
  readonly chain: readonly ChainLink[];
  /** The one edit of the map text: the line's value becomes `to.backend`. */
  readonly edit: TextReplacement;
}

/**
 * Plans repointing map line `line` (1-based) to the next backend of its
 * chain (see {@link backendChain}): the first one with a larger cloud share.
 *
 * Contract: pure; never throws. Returns a problem when the line has no entry,
 * its value is not a backend, or it already points at the last link.
 */
export function planPromote(config: HaproxyConfig, map: MapFile, line: number, options: RampOptions = {}): PromotePlan | { problem: string } {
  const entry = map.entries.find((e) => e.line === line - 1);
  if (!entry) {
    return { problem: `Line ${line} of ${map.file.path} is not a map entry` };
  }
  if (!config.backendsByName.has(entry.value)) {
    return { problem: `Line ${line} points at '${entry.value}', which is not a backend of the config` };
  }
  const chain = backendChain(config, map, entry.value, options);
  const at = chain.findIndex((l) => l.backend === entry.value);
  const from = chain[at] as ChainLink;
  const to = chain.slice(at + 1).find((l) => l.cloudShare.numerator * from.cloudShare.denominator > from.cloudShare.numerator * l.cloudShare.denominator);
  if (!to) {
    return { problem: `Line ${line} already points at the last backend of its chain: ${chain.map(describeLink).join(' → ')}` };
  }
  return { entry, from, to, chain, edit: { span: entry.valueSpan, newText: to.backend } };
}
