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
 */
export class NameSuggester {
  private readonly names: readonly string[];
  private readonly lowerNames: readonly string[];

  constructor(candidates: Iterable<string>) {
    this.names = [...candidates];
    this.lowerNames = this.names.map((n) => n.toLowerCase());
  }

  /**
   * The candidate closest to `name` (case differences count as small), or
   * undefined when nothing is close enough to be a plausible typo. Ties go
   * to the earliest candidate.
   */
  closest(name: string): string | undefined {
    const limit = Math.max(2, Math.floor(name.length / 3));
    const lower = name.toLowerCase();
    let best: string | undefined;
    let bestScore = Infinity;
    for (let k = 0; k < this.names.length; k++) {
      const c = this.names[k] as string;
      if (this.lowerNames[k] === lower) {
        // A name equal but for case scores 0.5, and no other candidate can do better.
        return c;
      }
      // Only a distance below the best so far (and within the limit) can change the answer.
      const bound = Math.min(limit, Math.ceil(bestScore) - 1);
      const score = editDistance(name, c, bound);
      if (score <= bound) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }
}

/** `NameSuggester.closest` for one name. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  return new NameSuggester(candidates).closest(name);
}
