import type { IToken } from 'chevrotain';

/** Merges two token lists already sorted by offset (linear; the files can hold 100,000+ tokens). */
export function mergeByOffset(a: readonly IToken[], b: readonly IToken[]): IToken[] {
  const out = new Array<IToken>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as IToken;
    const y = b[j] as IToken;
    if (x.startOffset <= y.startOffset) {
      out[k++] = x;
      i++;
    } else {
      out[k++] = y;
      j++;
    }
  }
  while (i < a.length) {
    out[k++] = a[i++] as IToken;
  }
  while (j < b.length) {
    out[k++] = b[j++] as IToken;
  }
  return out;
}
