/*
 * Where two versions of a text start and stop differing: an edit leaves the
 * lines before its first change and after its last change as they were.
 * Blocks are compared first because comparing two slices runs natively,
 * then single characters inside the first differing block.
 */

const BLOCKS = [65536, 4096, 256, 16];

/** Length of the longest common prefix of `a` and `b`. */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let p = 0;
  for (const block of BLOCKS) {
    while (p + block <= max && a.slice(p, p + block) === b.slice(p, p + block)) {
      p += block;
    }
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) {
    p++;
  }
  return p;
}

/** Length of the longest common suffix of `a` and `b`, at most `limit`. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  const max = Math.min(a.length, b.length, limit);
  let s = 0;
  for (const block of BLOCKS) {
    while (s + block <= max && a.slice(a.length - s - block, a.length - s) === b.slice(b.length - s - block, b.length - s)) {
      s += block;
    }
  }
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) {
    s++;
  }
  return s;
}
