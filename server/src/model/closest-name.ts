/**
 * Levenshtein distance between `a` and `b`, or any number above `bound`
 * once the distance is known to exceed it. A map can name thousands of
 * backends that do not exist, each compared with every defined backend:
 * candidates too far apart in length are skipped without a table, a common
 * head and tail (`bk_app_`) are left out of it, and a table stops at the
 * first row whose every cell is past the bound.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) {
    return bound + 1;
  }
  let head = 0;
  while (head < a.length && head < b.length && a.charCodeAt(head) === b.charCodeAt(head)) {
    head++;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) {
    tail++;
  }
  const aEnd = a.length - tail;
  const width = b.length - tail - head;
  const row = new Array<number>(width + 1);
  for (let j = 0; j <= width; j++) {
    row[j] = j;
  }
  for (let i = 1; i <= aEnd - head; i++) {
    let diag = row[0] as number;
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(head + i - 1);
    for (let j = 1; j <= width; j++) {
      const up = row[j] as number;
      const cell = Math.min(up + 1, (row[j - 1] as number) + 1, diag + (ai === b.charCodeAt(head + j - 1) ? 0 : 1));
      row[j] = cell;
      rowMin = Math.min(rowMin, cell);
      diag = up;
    }
    // The smallest cell of a row never decreases further down, so it bounds the distance from below.
    if (rowMin > bound) {
      return bound + 1;
    }
  }
  return row[width] as number;
}

/**
 * Answers "which of these names is closest to this one" for many names
 * against the same candidates.
 *
 * `nearby` bounds the cost when very many names are asked against very
 * many candidates (a map naming two thousand backends that a config does
 * not define, against its eight thousand backends: sixteen million
 * comparisons took seconds). Only the candidates that sort next to the
 * name are compared, in three orders: by their beginning, by their ending,
 * and by their letters and digits alone. A typo leaves the beginning or the
 * ending in common, and a renamed separator or case leaves the letters and
 * digits, so the closest candidate is among them in all but contrived
 * cases; a candidate further away may be suggested instead, or none.
 */
export class NameSuggester {
  private readonly names: readonly string[];
  /** The first candidate of each lower-case spelling. */
  private readonly firstByLowerCase = new Map<string, number>();
  private orders: SortedNames | undefined;

  constructor(
    candidates: Iterable<string>,
    private readonly nearby = false,
  ) {
    this.names = [...candidates];
    for (let k = 0; k < this.names.length; k++) {
      const lower = (this.names[k] as string).toLowerCase();
      if (!this.firstByLowerCase.has(lower)) {
        this.firstByLowerCase.set(lower, k);
      }
    }
  }

  /**
   * The candidate closest to `name` (case differences count as small), or
   * undefined when nothing is close enough to be a plausible typo. Ties go
   * to the earliest candidate.
   */
  closest(name: string): string | undefined {
    // A name equal but for case scores 0.5, and no other candidate can do better.
    const caseOnly = this.firstByLowerCase.get(name.toLowerCase());
    if (caseOnly !== undefined) {
      return this.names[caseOnly];
    }
    const limit = Math.max(2, Math.floor(name.length / 3));
    let best = -1;
    let bestScore = Infinity;
    const consider = (k: number): void => {
      // Only a distance below the best so far (and within the limit) can change the answer; visited out of order, an earlier candidate may tie it.
      const bound = Math.min(limit, best >= 0 && k < best ? bestScore : bestScore - 1);
      const score = editDistance(name, this.names[k] as string, bound);
      if (score <= bound) {
        best = k;
        bestScore = score;
      }
    };
    if (this.nearby && this.names.length > 6 * NEIGHBOURS) {
      this.orders ??= new SortedNames(this.names);
      this.orders.visitNeighbours(name, consider);
    } else {
      for (let k = 0; k < this.names.length; k++) {
        consider(k);
      }
    }
    return best >= 0 ? this.names[best] : undefined;
  }
}

/** Candidates compared in `nearby` mode: this many on each side of the name, in each of the three orders. */
const NEIGHBOURS = 8;

/** The candidates sorted in the three orders of `nearby` mode. */
class SortedNames {
  private readonly orders: { readonly keys: readonly string[]; readonly sorted: readonly number[]; readonly keyOf: (name: string) => string }[];

  constructor(names: readonly string[]) {
    this.orders = [identity, reverse, skeleton].map((keyOf) => {
      const keys = names.map(keyOf);
      const sorted = names.map((_, k) => k).sort((a, b) => compare(keys[a] as string, keys[b] as string) || a - b);
      return { keys, sorted, keyOf };
    });
  }

  /** Calls `visit` with the candidates that sort next to `name` in each order. */
  visitNeighbours(name: string, visit: (k: number) => void): void {
    for (const { keys, sorted, keyOf } of this.orders) {
      const key = keyOf(name);
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (compare(keys[sorted[mid] as number] as string, key) < 0) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      for (let at = Math.max(0, low - NEIGHBOURS); at < Math.min(sorted.length, low + NEIGHBOURS); at++) {
        visit(sorted[at] as number);
      }
    }
  }
}

function identity(s: string): string {
  return s;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) {
    out += s[i];
  }
  return out;
}

/** Letters and digits alone, lower case: `bk_App-1` and `bk-app_1` sort together. */
function skeleton(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Code-unit order, the same in every locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `NameSuggester.closest` for one name. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return new NameSuggester(candidates).closest(name);
}
