import { DFA, NFA, type CharSet } from 'refa';
import { fromByteString } from '../../matching/byte-string';

/** Node budget for one determinisation or product; past it we say "cannot decide". */
export const AUTOMATON_NODE_LIMIT = 20_000;

/**
 * Work budget for one determinisation or product, in NFA nodes visited. A
 * node of the result stands for a set of NFA nodes, and an unanchored
 * search such as `.{5000}` gives few nodes whose sets hold thousands of NFA
 * nodes each: a node budget alone let two such map lines run the process
 * out of memory. Each new node may cost up to the NFA's size, so the node
 * budget shrinks as the NFA grows; small NFAs keep the full node budget.
 */
export const AUTOMATON_WORK_LIMIT = 4_000_000;

/** The node factory of a determinisation or product over an NFA of `nfaNodes` nodes. */
export function boundedFactory(nfaNodes: number): DFA.LimitedNodeFactory {
  return new DFA.LimitedNodeFactory(Math.min(AUTOMATON_NODE_LIMIT, Math.floor(AUTOMATON_WORK_LIMIT / Math.max(1, nfaNodes))));
}

export class AutomatonTooLarge extends Error {}

/** Deterministic complement of the union of `languages`. Throws AutomatonTooLarge. */
export function complementOfUnion(languages: readonly NFA[]): DFA {
  try {
    const union = NFA.empty({ maxCharacter: languages[0]?.maxCharacter ?? 0xffff });
    for (const l of languages) {
      union.union(l);
    }
    const dfa = DFA.fromFA(union, boundedFactory(union.countNodes()));
    dfa.minimize();
    dfa.complement();
    return dfa;
  } catch {
    throw new AutomatonTooLarge();
  }
}

const READABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~';

function pickChar(set: CharSet): number {
  for (let i = 0; i < READABLE.length; i++) {
    const c = READABLE.charCodeAt(i);
    if (set.has(c)) {
      return c;
    }
  }
  for (let c = 0x20; c < 0x7f; c++) {
    if (set.has(c)) {
      return c;
    }
  }
  return set.ranges[0]?.min ?? 0;
}

interface Graph<S> {
  readonly initial: S;
  isFinal(s: S): boolean;
  out(s: S): Iterable<[S, CharSet]>;
}

/** Breadth-first shortest accepted word; undefined when the language is empty. */
function shortest<S>(g: Graph<S>): string | undefined {
  const parent = new Map<S, { from: S; char: number } | null>([[g.initial, null]]);
  const queue: S[] = [g.initial];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head] as S;
    if (g.isFinal(s)) {
      const chars: number[] = [];
      for (let p = parent.get(s); p; p = parent.get(p.from)) {
        chars.push(p.char);
      }
      return String.fromCharCode(...chars.reverse());
    }
    for (const [to, set] of g.out(s)) {
      if (!parent.has(to)) {
        parent.set(to, { from: s, char: pickChar(set) });
        queue.push(to);
      }
    }
  }
  return undefined;
}

/**
 * A shortest readable word of `language` that `outside` (when given) also
 * accepts, as a text string; undefined when there is none. Bytes that are not
 * UTF-8 come back as they are: probing such a word simply fails to confirm
 * anything, which is safe. Throws AutomatonTooLarge.
 */
export function firstWord(language: NFA, outside: DFA | undefined): string | undefined {
  let bytes: string | undefined;
  try {
    if (outside === undefined) {
      bytes = shortest<NFA.ReadonlyNode>({ initial: language.initial, isFinal: (s) => language.finals.has(s as NFA.Node), out: (s) => s.out });
    } else {
      const product = DFA.fromIntersection(language, outside, boundedFactory(language.countNodes()));
      bytes = shortest<DFA.ReadonlyNode>({ initial: product.initial, isFinal: (s) => product.finals.has(s as DFA.Node), out: (s) => s.out.invert(product.maxCharacter) });
    }
  } catch {
    throw new AutomatonTooLarge();
  }
  return bytes === undefined ? undefined : (fromByteString(bytes) ?? bytes);
}
