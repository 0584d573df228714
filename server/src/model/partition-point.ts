/**
 * In a list of `count` items ordered so that `before` holds for a first run of
 * them and for none after, the index of the first item it does not hold for
 * (`count` when it holds for all). A binary search.
 */
export function partitionPoint(count: number, before: (i: number) => boolean): number {
  let a = 0;
  let z = count;
  while (a < z) {
    const m = (a + z) >> 1;
    if (before(m)) {
      a = m + 1;
    } else {
      z = m;
    }
  }
  return a;
}
