import type { DFA, NFA } from 'refa';
import { fromByteString } from '../../matching/byte-string';
import type { PreparedMap } from '../../matching/match-map';
import type { MapEntry } from '../../model/types';
import type { LineReachability } from './line-reachability';
import { AutomatonTooLarge, complementOfUnion, firstWord } from './regex-automata';

/** How many counterexample rounds one line may take before we give up. */
const MAX_ROUNDS = 24;

/** Per-map cache of single-line complements, shared by every line of one analysis. */
export type ComplementCache = Map<number, DFA>;

type Probe = { kind: 'wins' } | { kind: 'blocked'; by: number } | { kind: 'inconclusive'; reason: string };

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Who takes `witness`. `ownWord`: the witness is a word of the line's exact
 * automaton; on a map_reg line that is not a plain literal, matchMap decides
 * the line itself with that same automaton, so only earlier lines need
 * running (ASCII only: there text and bytes coincide).
 */
function probe(map: PreparedMap, index: number, witness: string, ownWord = false): Probe {
  const skipSelf = ownWord && map.match === 'reg' && map.regexAt(index)?.translation.ok === true && ASCII.test(witness);
  const r = skipSelf ? map.lookupBefore(witness, index) : map.lookup(witness);
  if ('unsupported' in r) {
    return { kind: 'inconclusive', reason: r.unsupported };
  }
  if (r.entry === map.entries[index] || (skipSelf && r.entry === undefined)) {
    return { kind: 'wins' };
  }
  const by = r.entry === undefined ? -1 : map.indexOf(r.entry);
  if (by >= 0 && by < index) {
    return { kind: 'blocked', by };
  }
  return { kind: 'inconclusive', reason: 'the regex engine and its automaton disagree on a witness' };
}

/** The language an earlier line contributes to a union: exact, or a subset (still sound for coverage). */
function languageOf(map: PreparedMap, i: number): NFA | undefined {
  return map.regexAt(i)?.language?.nfa;
}

function complementOf(map: PreparedMap, set: readonly number[], cache: ComplementCache): DFA {
  const only = set.length === 1 ? set[0] : undefined;
  const cached = only === undefined ? undefined : cache.get(only);
  if (cached !== undefined) {
    return cached;
  }
  const dfa = complementOfUnion(set.map((i) => languageOf(map, i)).filter((n): n is NFA => n !== undefined));
  if (only !== undefined) {
    cache.set(only, dfa);
  }
  return dfa;
}

/**
 * A proof without automata that every input line `i` matches is matched by
 * line `j` (same key; `j` an unanchored literal that `i` always contains; `j`
 * a `^literal` that literal `^…` line `i` starts with). False means "unknown".
 */
function obviouslyCovers(map: PreparedMap, i: number, j: number): boolean {
  if (map.entries[i]?.key === map.entries[j]?.key) {
    return true;
  }
  const ti = map.regexAt(i)?.translation;
  const tj = map.regexAt(j)?.translation;
  const lit = tj?.ok === true ? tj.literal : undefined;
  if (ti?.ok !== true || lit === undefined || lit.anchoredEnd !== 'none') {
    return false;
  }
  if (!lit.anchoredStart) {
    return ti.requiredLiteral.includes(lit.text);
  }
  return ti.literal?.anchoredStart === true && ti.literal.text.startsWith(lit.text);
}

/** Drops covering lines the others make redundant, so the message names few lines. */
function minimise(map: PreparedMap, own: NFA, set: number[], cache: ComplementCache): number[] {
  let kept = [...set];
  for (const j of set) {
    if (kept.length <= 1) {
      break;
    }
    const without = kept.filter((k) => k !== j);
    if (firstWord(own, complementOf(map, without, cache)) === undefined) {
      kept = without;
    }
  }
  return kept.sort((a, b) => a - b);
}

/**
 * Decides a map_reg / map_regm line exactly: L(line) ⊆ ∪ L(earlier lines)
 * under search semantics. Counterexample-guided: witnesses of the line are
 * tried with matchMap; each earlier line that takes one joins the covering
 * set; when the line's language minus the set's union is empty the line is
 * unreachable, and a word left over is the next witness. A line whose own
 * automaton is only a subset (backreferences, lookarounds) can be shown
 * reachable but never unreachable.
 */
export function decideRegexLine(map: PreparedMap, index: number, cache: ComplementCache): LineReachability {
  const entry = map.entries[index] as MapEntry;
  const re = map.regexAt(index);
  const t = re?.translation;
  if (re === undefined || t === undefined || !t.ok) {
    return { kind: 'undecided', entry, reason: t !== undefined && !t.ok ? t.reason : 'no regex', notable: true };
  }
  // A literal line's own text is its shortest witness; most lines win with it,
  // so their automata are never built.
  const literal = t.literal === undefined ? undefined : fromByteString(t.literal.text);
  if (literal !== undefined) {
    const p = probe(map, index, literal);
    if (p.kind === 'wins') {
      return { kind: 'reachable', entry, witness: literal };
    }
    // Every input of a literal line contains the literal w, anchored or not. An
    // earlier line without anchors or lookarounds that matches w matches inside
    // every input containing w, so it covers the line.
    const by = p.kind === 'blocked' ? map.regexAt(p.by)?.translation : undefined;
    if (p.kind === 'blocked' && by?.ok === true && by.contextFree) {
      return { kind: 'unreachable', entry, coveredBy: [map.entries[p.by] as MapEntry] };
    }
  }
  const lang = re.language;
  if (lang === undefined) {
    return { kind: 'undecided', entry, reason: 'the regex is too large to analyse', notable: false };
  }
  const undecided = (reason: string, notable: boolean): LineReachability => ({ kind: 'undecided', entry, reason, notable });
  try {
    const covering: number[] = [];
    // Words of an exact automaton of a non-literal line (see probe).
    const ownWords = lang.exact && t.literal === undefined;
    let witness = literal ?? firstWord(lang.nfa, undefined);
    if (witness === undefined) {
      return lang.exact ? { kind: 'unreachable', entry, coveredBy: [] } : undecided('the regex uses backreferences or lookarounds that cannot be decided exactly', true);
    }
    for (let round = 0; round < MAX_ROUNDS; round++) {
      let inconclusive: string | undefined;
      const sizeBefore = covering.length;
      const p = probe(map, index, witness, ownWords);
      if (p.kind === 'wins') {
        return { kind: 'reachable', entry, witness };
      }
      if (p.kind === 'blocked' && !covering.includes(p.by)) {
        covering.push(p.by);
      } else if (p.kind === 'inconclusive') {
        inconclusive = p.reason;
      }
      if (!lang.exact) {
        return undecided('the regex uses backreferences or lookarounds that cannot be decided exactly', true);
      }
      if (covering.length === 0) {
        return undecided(inconclusive ?? 'no witness could be checked', inconclusive !== undefined);
      }
      const only = covering.length === 1 ? covering[0] : undefined;
      if (round === 0 && only !== undefined && obviouslyCovers(map, index, only)) {
        return { kind: 'unreachable', entry, coveredBy: [map.entries[only] as MapEntry] };
      }
      if (round > 0 && covering.length === sizeBefore) {
        // The leftover word was taken by a line already in the set: that line's
        // automaton is only a subset of what it matches (backreferences).
        return undecided(inconclusive ?? 'an earlier line uses backreferences or lookarounds that cannot be decided exactly', true);
      }
      const next = firstWord(lang.nfa, complementOf(map, covering, cache));
      if (next === undefined) {
        const lines = minimise(map, lang.nfa, covering, cache).map((i) => map.entries[i] as MapEntry);
        return { kind: 'unreachable', entry, coveredBy: lines };
      }
      witness = next;
    }
    return undecided('too many overlapping lines to decide', false);
  } catch (e) {
    if (e instanceof AutomatonTooLarge) {
      return undecided('the automata needed to decide this line are too large', false);
    }
    throw e;
  }
}
