const KEY_LENGTH = 8;

/**
 * Finds, for an input, the lines whose required literal occurs in it, plus the
 * lines that have none. Candidates come back in line order. Exact filtering is
 * left to the caller: this only rules lines out.
 */
export class LiteralIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly lengths = new Set<number>();
  private readonly always: number[] = [];

  /** `literals[i]` is line i's required literal ('' when unknown). */
  constructor(literals: readonly string[]) {
    literals.forEach((lit, i) => {
      if (lit === '') {
        this.always.push(i);
        return;
      }
      const key = lit.slice(0, KEY_LENGTH);
      this.lengths.add(key.length);
      const list = this.byKey.get(key);
      if (list === undefined) {
        this.byKey.set(key, [i]);
      } else {
        list.push(i);
      }
    });
  }

  /** Candidate line indexes for `input` (a byte string), ascending; stops considering lines >= `before`. */
  candidates(input: string, before = Infinity): number[] {
    const found = new Set<number>(this.always.filter((i) => i < before));
    for (const len of this.lengths) {
      for (let p = 0; p + len <= input.length; p++) {
        for (const i of this.byKey.get(input.substr(p, len)) ?? []) {
          if (i < before) {
            found.add(i);
          }
        }
      }
    }
    return [...found].sort((a, b) => a - b);
  }
}
