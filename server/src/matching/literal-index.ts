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
  /**
   * Builds the index of `literals` (`literals[i]` is line i's required
   * literal, '' when unknown). When a recent index has as many lines and
   * differs in a few of them (a map edited in place, one keystroke at a time),
   * the new one is derived from it: only the changed lines are filed again.
   */
  static of(literals: readonly string[]): LiteralIndex {
    for (let r = recent.length - 1; r >= 0; r--) {
      const base = recent[r] as LiteralIndex;
      const changed = base.literals.length === literals.length ? changedLines(base.literals, literals) : undefined;
      if (changed !== undefined) {
        return remember(changed.length === 0 ? base : base.derive(literals, changed));
      }
    }
    return remember(new LiteralIndex(literals));
  }

  private readonly byKey: Map<string, readonly number[]>;
  private readonly lengths: readonly number[];
  private readonly always: readonly number[];
  private readonly literals: readonly string[];
  /** Line i's key ('' when it is in `always`). */
  private readonly keys: readonly string[];
  /** Gram counts the keys were chosen by; a derived index keeps its base's (see derive). */
  private readonly frequency: ReadonlyMap<string, number>;

  /** `literals[i]` is line i's required literal ('' when unknown). */
  constructor(literals: readonly string[], from?: { byKey: Map<string, readonly number[]>; lengths: readonly number[]; always: readonly number[]; keys: readonly string[]; frequency: ReadonlyMap<string, number> }) {
    this.literals = literals;
    if (from) {
      ({ byKey: this.byKey, lengths: this.lengths, always: this.always, keys: this.keys, frequency: this.frequency } = from);
      return;
    }
    const frequency = gramFrequency(literals);
    const byKey = new Map<string, number[]>();
    const always: number[] = [];
    const keys: string[] = [];
    const lengths = new Set<number>();
    literals.forEach((lit, i) => {
      if (lit === '') {
        always.push(i);
        keys.push('');
        return;
      }
      const key = rarestGram(lit, frequency);
      keys.push(key);
      lengths.add(key.length);
      const list = byKey.get(key);
      if (list === undefined) {
        byKey.set(key, [i]);
      } else {
        list.push(i);
      }
    });
    this.byKey = byKey;
    this.always = always;
    this.keys = keys;
    this.lengths = [...lengths];
    this.frequency = frequency;
  }

  /**
   * This index with lines `changed` (ascending) holding `literals`' values.
   * The other lines keep their keys, and the changed ones are filed by this
   * index's gram counts: a line only needs to be filed under one gram of its
   * literal for `candidates` to find it, so the answers are exactly those of
   * a fresh index; only the balance of the buckets may drift from the rarest
   * choice. Lists are copied where they change: this index stays as it is.
   */
  private derive(literals: readonly string[], changed: readonly number[]): LiteralIndex {
    const byKey = new Map(this.byKey);
    const keys = this.keys.slice();
    let always = this.always;
    const lengths = new Set(this.lengths);
    for (const i of changed) {
      const oldKey = this.keys[i] as string;
      if (oldKey === '') {
        always = always.filter((x) => x !== i);
      } else {
        const list = (byKey.get(oldKey) as readonly number[]).filter((x) => x !== i);
        if (list.length === 0) {
          byKey.delete(oldKey);
        } else {
          byKey.set(oldKey, list);
        }
      }
      const lit = literals[i] as string;
      const key = lit === '' ? '' : rarestGram(lit, this.frequency);
      keys[i] = key;
      if (key === '') {
        always = insertAscending(always, i);
      } else {
        lengths.add(key.length);
        byKey.set(key, insertAscending(byKey.get(key) ?? [], i));
      }
    }
    return new LiteralIndex(literals, { byKey, lengths: [...lengths], always, keys, frequency: this.frequency });
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

/** Above this many changed lines an index is built afresh rather than derived. */
const MAX_DERIVED_CHANGES = 16;

/** Indexes built or derived last (a few maps are edited at once), most recent last. */
const recent: LiteralIndex[] = [];
const RECENT = 4;

function remember(index: LiteralIndex): LiteralIndex {
  const at = recent.indexOf(index);
  if (at >= 0) {
    recent.splice(at, 1);
  }
  recent.push(index);
  if (recent.length > RECENT) {
    recent.shift();
  }
  return index;
}

/** The lines whose literal differs (ascending), or undefined past MAX_DERIVED_CHANGES. */
function changedLines(before: readonly string[], after: readonly string[]): number[] | undefined {
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] !== after[i]) {
      if (changed.length === MAX_DERIVED_CHANGES) {
        return undefined;
      }
      changed.push(i);
    }
  }
  return changed;
}

/** A copy of ascending `list` with `i` in its place. */
function insertAscending(list: readonly number[], i: number): number[] {
  let at = list.length;
  while (at > 0 && (list[at - 1] as number) > i) {
    at--;
  }
  return [...list.slice(0, at), i, ...list.slice(at)];
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
