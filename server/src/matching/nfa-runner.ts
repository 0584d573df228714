import type { NFA } from 'refa';

/**
 * Runs an NFA over a byte string in time linear in the input times the
 * automaton size (a breadth-first simulation, no backtracking). Buffers are
 * reused so a run allocates nothing.
 */
export class NfaRunner {
  /** Per state: target state ids. */
  private readonly targets: Int32Array[] = [];
  /** Per state: flattened [min, max, min, max, …] per edge, edges in `targets` order. */
  private readonly ranges: number[][][] = [];
  private readonly final: Uint8Array;
  private readonly initial: number;
  private current: Int32Array;
  private next: Int32Array;
  private readonly stamp: Uint32Array;
  private generation = 0;

  constructor(nfa: NFA) {
    const ids = new Map<NFA.ReadonlyNode, number>();
    for (const node of nfa.nodes()) {
      ids.set(node, ids.size);
    }
    this.final = new Uint8Array(ids.size);
    for (const [node, id] of ids) {
      this.final[id] = nfa.finals.has(node as NFA.Node) ? 1 : 0;
      const to: number[] = [];
      const rs: number[][] = [];
      for (const [target, set] of node.out) {
        const t = ids.get(target);
        if (t !== undefined) {
          to.push(t);
          rs.push(set.ranges.flatMap((r) => [r.min, r.max]));
        }
      }
      this.targets[id] = Int32Array.from(to);
      this.ranges[id] = rs;
    }
    this.initial = ids.get(nfa.initial) ?? 0;
    this.current = new Int32Array(ids.size + 1);
    this.next = new Int32Array(ids.size + 1);
    this.stamp = new Uint32Array(ids.size);
  }

  /** Whether the automaton accepts the whole byte string. */
  accepts(input: string): boolean {
    let count = 1;
    this.current[0] = this.initial;
    for (let i = 0; i < input.length && count > 0; i++) {
      const c = input.charCodeAt(i);
      const gen = ++this.generation;
      let n = 0;
      for (let k = 0; k < count; k++) {
        const s = this.current[k] ?? 0;
        const to = this.targets[s] ?? new Int32Array(0);
        const rs = this.ranges[s] ?? [];
        for (let e = 0; e < to.length; e++) {
          const t = to[e] ?? 0;
          if (this.stamp[t] === gen) {
            continue;
          }
          const r = rs[e] ?? [];
          for (let j = 0; j < r.length; j += 2) {
            if (c >= (r[j] ?? 0) && c <= (r[j + 1] ?? -1)) {
              this.stamp[t] = gen;
              this.next[n++] = t;
              break;
            }
          }
        }
      }
      [this.current, this.next] = [this.next, this.current];
      count = n;
    }
    for (let k = 0; k < count; k++) {
      if (this.final[this.current[k] ?? 0] === 1) {
        return true;
      }
    }
    return false;
  }
}
