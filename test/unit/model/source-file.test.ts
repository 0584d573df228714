import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSourceFile, reindexSourceFile } from '../../../server/src/model/source-file';
import { commonPrefixLength, commonSuffixLength } from '../../../server/src/model/text-ends';

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r'), maxLength: 60 });
const longText = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r'), minLength: 0, maxLength: 9000 });

function naivePrefix(a: string, b: string): number {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) {
    p++;
  }
  return p;
}

describe('common ends of two texts', () => {
  it('finds the longest common prefix and suffix, blocks or not', () => {
    fc.assert(
      fc.property(longText, fc.nat(9000), fc.nat(50), text, (base, at, cut, insert) => {
        const pos = at % (base.length + 1);
        const edited = base.slice(0, pos) + insert + base.slice(pos + cut);
        const p = commonPrefixLength(base, edited);
        expect(p).toBe(naivePrefix(base, edited));
        const limit = Math.min(base.length, edited.length) - p;
        const reversed = (s: string): string => [...s].reverse().join('');
        expect(commonSuffixLength(base, edited, limit)).toBe(Math.min(limit, naivePrefix(reversed(base), reversed(edited))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reindexSourceFile', () => {
  it('gives the same line starts as a fresh index, and maps the unchanged lines to the old ones', () => {
    fc.assert(
      fc.property(text, fc.nat(60), fc.nat(6), text, (base, at, cut, insert) => {
        const pos = at % (base.length + 1);
        const edited = base.slice(0, pos) + insert + base.slice(pos + cut);
        const previous = createSourceFile('/h.cfg', base);
        const prefix = commonPrefixLength(base, edited);
        const suffix = commonSuffixLength(base, edited, Math.min(base.length, edited.length) - prefix);
        const { file, head, tail, renumbered } = reindexSourceFile(previous, edited, prefix, suffix);
        const fresh = createSourceFile('/h.cfg', edited);
        expect({ ...file, lineKeys: undefined }).toEqual({ ...fresh, lineKeys: undefined });
        // One key per line, increasing: positions order like offsets.
        expect(file.lineKeys).toHaveLength(file.lineStarts.length);
        expect(file.lineKeys.every((k, i) => i === 0 || k > (file.lineKeys[i - 1] as number))).toBe(true);
        expect(renumbered).toBe(false);
        const lineText = (f: typeof file, i: number): string => f.text.slice(f.lineStarts[i], f.lineStarts[i + 1] ?? f.text.length).replace(/[\r\n]+$/, '');
        for (let i = 0; i < head; i++) {
          expect([lineText(file, i), file.lineStarts[i], file.lineKeys[i]]).toEqual([lineText(previous, i), previous.lineStarts[i], previous.lineKeys[i]]);
        }
        for (let i = tail?.newLine ?? file.lineStarts.length; tail && i < file.lineStarts.length; i++) {
          const old = i - tail.lineShift;
          expect([lineText(file, i), file.lineStarts[i], file.lineKeys[i]]).toEqual([lineText(previous, old), (previous.lineStarts[old] as number) + tail.offsetShift, previous.lineKeys[old]]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('scans only the changed lines: an edit in the middle of a long file keeps both ends', () => {
    const base = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const edited = base.replace('line 500\n', 'line 500 changed\nline 500b\n');
    const prefix = commonPrefixLength(base, edited);
    const r = reindexSourceFile(createSourceFile('/h.cfg', base), edited, prefix, commonSuffixLength(base, edited, Math.min(base.length, edited.length) - prefix));
    expect(r.head).toBe(500);
    expect(r.tail).toEqual({ newLine: 502, lineShift: 1, offsetShift: edited.length - base.length });
  });

  it('gives added lines keys between their neighbours, and renumbers every line once there is no room left', () => {
    let file = createSourceFile('/h.cfg', 'a\nb\n');
    const [a, b] = file.lineKeys as [number, number];
    let renumberedAfter = 0;
    // Enter after line 'a', again and again: each new line goes right below the last one.
    for (let n = 1; n < 100_000 && renumberedAfter === 0; n++) {
      const text = file.text.replace(/\nb\n$/, '\nx\nb\n');
      const prefix = commonPrefixLength(file.text, text);
      const r = reindexSourceFile(file, text, prefix, commonSuffixLength(file.text, text, Math.min(file.text.length, text.length) - prefix));
      if (r.renumbered) {
        renumberedAfter = n;
        expect(r.file.lineKeys).toEqual(createSourceFile('/h.cfg', text).lineKeys);
      } else {
        expect(r.file.lineKeys[0]).toBe(a);
        expect(r.file.lineKeys[r.file.lineKeys.length - 2]).toBe(b);
      }
      file = r.file;
    }
    // The room between two lines of a fresh file lasts for hundreds of lines typed there.
    expect(renumberedAfter).toBeGreaterThan(200);
  });
});


describe('line starts', () => {
  /** The definition: after every LF, every CRLF and every lone CR. */
  const reference = (text: string): number[] => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      if (c === '\n' || c === '\r') {
        starts.push(i + 1);
      }
    }
    return starts;
  };

  it('start after LF, CRLF and lone CR, whatever their mix', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\n\r'), maxLength: 40 }), (text) => {
        expect(createSourceFile('/h.cfg', text).lineStarts).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
