/**
 * A unified diff (`diff -u` style) of two texts, for previews. Lines keep
 * their own line breaks; a missing final newline is marked like diff does.
 */
import { commonEnds, splitKeepingBreaks } from './line-changes';

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** Line operations from the longest common subsequence of the middle part (prefix/suffix trimmed first). */
function lineOps(a: readonly string[], b: readonly string[]): Op[] {
  const { head, tail } = commonEnds(a, b);
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = x[i] === y[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push({ kind: ' ', line: x[i++] as string });
      j++;
    } else if (i < x.length && (j >= y.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      // Removals before additions, as diff prints them.
      ops.push({ kind: '-', line: x[i++] as string });
    } else {
      ops.push({ kind: '+', line: y[j++] as string });
    }
  }
  return [...ops, ...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line }))];
}

function show(op: Op): string {
  const body = op.line.replace(/\r?\n$|\r$/, '');
  const ending = /[\r\n]$/.test(op.line) ? '' : '\n\\ No newline at end of file';
  return `${op.kind}${body}${ending}`;
}

/**
 * `diff -u` of `before` and `after` with `context` lines around changes.
 * Returns '' when the texts are equal.
 *
 * Contract: pure; `fromLabel`/`toLabel` go on the `---`/`+++` lines.
 */
export function unifiedDiff(before: string, after: string, fromLabel: string, toLabel: string, context = 3): string {
  if (before === after) {
    return '';
  }
  const ops = lineOps(splitKeepingBreaks(before), splitKeepingBreaks(after));
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, (changed[k] as number) - context);
    let end = Math.min(ops.length, (changed[k] as number) + context + 1);
    while (k + 1 < changed.length && (changed[k + 1] as number) - context <= end) {
      k++;
      end = Math.min(ops.length, (changed[k] as number) + context + 1);
    }
    k++;
    const before0 = ops.slice(0, start).filter((o) => o.kind !== '+').length;
    const after0 = ops.slice(0, start).filter((o) => o.kind !== '-').length;
    const hunk = ops.slice(start, end);
    const oldLen = hunk.filter((o) => o.kind !== '+').length;
    const newLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${oldLen === 0 ? before0 : before0 + 1},${oldLen} +${newLen === 0 ? after0 : after0 + 1},${newLen} @@`);
    out.push(...hunk.map(show));
  }
  return out.join('\n') + '\n';
}
