import { COMPILED_REGEX_CACHE_SIZE } from '../../matching/compile-regex';
import { compileMapKey, prepareMap, type PreparedMap } from '../../matching/match-map';
import type { MapEntry, MapMatch } from '../../model/types';
import { decideIntLine } from './int-reachability';
import { decideIpLine } from './ip-reachability';
import type { LineReachability, ReachabilityOptions } from './line-reachability';
import { decideRegexLine, type ComplementCache } from './regex-reachability';
import { decideByKey } from './simple-reachability';

/**
 * Decides, for every entry of a map used with match kind `match`, whether some
 * input makes matchMap pick it (reference §5.3). Results are in entry order
 * (only the `only` indexes when given). matchMap picks the entry for every
 * 'reachable' witness (checked with the prepared map; a map_reg line's own
 * automaton word skips only the run of that same automaton); 'unreachable' is
 * never a guess. Never throws on map content.
 */
export function analyzeMapReachability(entries: readonly MapEntry[], match: MapMatch, options: ReachabilityOptions = {}): LineReachability[] {
  const steps = reachabilitySteps(entries, match, options);
  let step = steps.next();
  while (step.done !== true) {
    step = steps.next();
  }
  return step.value;
}

/**
 * `analyzeMapReachability` a step at a time: it yields once the map is
 * prepared and after each line, and returns the results. A language server
 * steps through a large map between the requests it answers.
 */
export function* reachabilitySteps(entries: readonly MapEntry[], match: MapMatch, options: ReachabilityOptions = {}): Generator<void, LineReachability[], void> {
  // Two thousand regexes take a fifth of a second to compile: one step each, and prepareMap then finds them
  // compiled. Not for a map of more lines than the compiled regexes kept: prepareMap would compile them again.
  if ((match === 'reg' || match === 'regm') && entries.length <= COMPILED_REGEX_CACHE_SIZE / 2) {
    for (let i = 0; i < entries.length; i++) {
      compileMapKey((entries[i] as MapEntry).key, match);
      yield;
    }
  }
  const map = prepareMap(entries, match);
  yield;
  const cache: ComplementCache = new Map();
  const known = options.known ?? [];
  const out: LineReachability[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (options.only !== undefined && !options.only.has(i)) {
      continue;
    }
    const kept = known[i];
    if (kept !== undefined) {
      out.push(kept);
      continue;
    }
    const verdict = decideLine(map, match, i, cache);
    out.push(verdict);
    if (options.stopAfter?.(verdict) === true) {
      return out;
    }
    yield;
  }
  return out;
}

function decideLine(map: PreparedMap, match: MapMatch, i: number, cache: ComplementCache): LineReachability {
  switch (match) {
    case 'reg':
    case 'regm':
      return decideRegexLine(map, i, cache);
    case 'int':
      return decideIntLine(map, i);
    case 'ip':
      return decideIpLine(map, i);
    default:
      return decideByKey(map, i);
  }
}

/**
 * An input for which matchMap picks `entries[index]`, or undefined when the
 * line is unreachable or undecided. Convenient for hover and simulator tests.
 */
export function findWitness(entries: readonly MapEntry[], match: MapMatch, index: number): string | undefined {
  const [r] = analyzeMapReachability(entries, match, { only: new Set([index]) });
  return r?.kind === 'reachable' ? r.witness : undefined;
}
