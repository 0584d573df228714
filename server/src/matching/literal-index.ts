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

  /** `literals[i]` is line i's required literal ('' when unknown). */
  constructor(literals: readonly string[]) {
    this.literals = literals;
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

  /**
   * Candidate line indexes for `input` (a byte string), ascending, produced
   * as they are read: callers stop at the first line that matches, and
   * thousands of lines may share one literal.
   */
  candidates(input: string): Iterable<number> {
    const lists: (readonly number[])[] = this.always.length > 0 ? [this.always] : [];
    // Every line is filed under one gram: lists found at several places of the input are taken once.
    const taken = new Set<readonly number[]>();
    for (const len of this.lengths) {
      for (let p = 0; p + len <= input.length; p++) {
        const list = this.byKey.get(input.substr(p, len));
        if (list !== undefined && !taken.has(list)) {
          taken.add(list);
          lists.push(list);
        }
      }
    }
    // A literal no longer than a gram is its own key, so finding the key found the literal.
    const literals = this.literals;
    const keep = (i: number): boolean => {
      const lit = literals[i] as string;
      return lit.length <= GRAM || input.includes(lit);
    };
    return mergeAscending(lists, keep);
  }
}

/** The indexes of ascending lists in one ascending sequence, those `keep` accepts, merged as they are read. */
function* mergeAscending(lists: readonly (readonly number[])[], keep: (i: number) => boolean): Generator<number> {
  const heads = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    let least = Infinity;
    for (let l = 0; l < lists.length; l++) {
      const v = (lists[l] as readonly number[])[heads[l] as number];
      if (v !== undefined && v < least) {
        least = v;
        pick = l;
      }
    }
    if (pick < 0) {
      return;
    }
    heads[pick] = (heads[pick] as number) + 1;
    if (keep(least)) {
      yield least;
    }
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
