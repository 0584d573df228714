/** Longest gram used as an index key; longer keys would only make the table bigger. */
const GRAM = 8;

/**
 * Finds, for an input, the lines whose required literal occurs in it, plus the
 * lines that have none. Candidates come back in line order. Exact filtering is
 * left to the caller: this only rules lines out.
 *
 * Each line is filed under the rarest gram of its literal (so a shared host
 * name does not put every line in one bucket), and a line found through its
 * gram is kept only when the whole literal occurs in the input.
 */
export class LiteralIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly lengths: number[];
  private readonly always: number[] = [];
  private readonly literals: readonly string[];
  private readonly stamp: Uint32Array;
  private generation = 0;

  /** `literals[i]` is line i's required literal ('' when unknown). */
  constructor(literals: readonly string[]) {
    this.literals = literals;
    this.stamp = new Uint32Array(literals.length);
    const frequency = gramFrequency(literals);
    const lengths = new Set<number>();
    literals.forEach((lit, i) => {
      if (lit === '') {
        this.always.push(i);
        return;
      }
      const key = rarestGram(lit, frequency);
      lengths.add(key.length);
      const list = this.byKey.get(key);
      if (list === undefined) {
        this.byKey.set(key, [i]);
      } else {
        list.push(i);
      }
    });
    this.lengths = [...lengths];
  }

  /** Candidate line indexes for `input` (a byte string), ascending. */
  candidates(input: string): number[] {
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;
    const found = [...this.always];
    for (const len of this.lengths) {
      for (let p = 0; p + len <= input.length; p++) {
        const list = this.byKey.get(input.substr(p, len));
        if (list === undefined) {
          continue;
        }
        for (const i of list) {
          const lit = this.literals[i] as string;
          if (this.stamp[i] !== gen && (lit.length === len || input.includes(lit))) {
            this.stamp[i] = gen;
            found.push(i);
          }
        }
      }
    }
    return found.length === this.always.length ? found : found.sort((a, b) => a - b);
  }
}

function gramsOf(lit: string): Set<string> {
  const len = Math.min(GRAM, lit.length);
  const grams = new Set<string>();
  for (let p = 0; p + len <= lit.length; p++) {
    grams.add(lit.substr(p, len));
  }
  return grams;
}

/** In how many lines each gram occurs. */
function gramFrequency(literals: readonly string[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const lit of literals) {
    for (const g of gramsOf(lit)) {
      frequency.set(g, (frequency.get(g) ?? 0) + 1);
    }
  }
  return frequency;
}

function rarestGram(lit: string, frequency: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = Infinity;
  for (const g of gramsOf(lit)) {
    const n = frequency.get(g) ?? 0;
    if (n < bestCount) {
      best = g;
      bestCount = n;
    }
  }
  return best;
}
