import type { NFA } from 'refa';

type State = readonly number[];

/**
 * Runs an NFA over a byte string in time linear in the input (a lazily built
 * DFA: each distinct set of NFA states is computed once per character).
 * The cache is bounded; past it, sets are recomputed rather than stored.
 */
export class NfaRunner {
  private readonly nodes: NFA.ReadonlyNode[] = [];
  private readonly finals = new Set<number>();
  private readonly out: (readonly { readonly to: number; readonly has: (c: number) => boolean }[])[] = [];
  private readonly cache = new Map<string, Map<number, State>>();
  private readonly initial: State;

  constructor(nfa: NFA) {
    const ids = new Map<NFA.ReadonlyNode, number>();
    for (const node of nfa.nodes()) {
      ids.set(node, this.nodes.length);
      this.nodes.push(node);
    }
    this.nodes.forEach((node, id) => {
      if (nfa.finals.has(node as NFA.Node)) {
        this.finals.add(id);
      }
      this.out.push([...node.out].map(([to, set]) => ({ to: ids.get(to) ?? -1, has: (c: number) => set.has(c) })).filter((e) => e.to >= 0));
    });
    this.initial = [ids.get(nfa.initial) ?? 0];
  }

  /** Whether the automaton accepts the whole byte string. */
  accepts(input: string): boolean {
    let state = this.initial;
    for (let i = 0; i < input.length && state.length > 0; i++) {
      state = this.step(state, input.charCodeAt(i));
    }
    return state.some((s) => this.finals.has(s));
  }

  private step(state: State, c: number): State {
    const key = state.join(',');
    let row = this.cache.get(key);
    const hit = row?.get(c);
    if (hit !== undefined) {
      return hit;
    }
    const next = new Set<number>();
    for (const s of state) {
      for (const edge of this.out[s] ?? []) {
        if (edge.has(c)) {
          next.add(edge.to);
        }
      }
    }
    const result = [...next].sort((a, b) => a - b);
    if (this.cache.size < 5000) {
      if (row === undefined) {
        row = new Map();
        this.cache.set(key, row);
      }
      row.set(c, result);
    }
    return result;
  }
}
