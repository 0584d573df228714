import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../../server/src/matching/compile-regex';
import { LiteralIndex } from '../../../server/src/matching/literal-index';
import { matchMap } from '../../../server/src/matching/match-map';
import type { MapEntry } from '../../../server/src/model/types';
import { buildMapModel } from '../../../server/src/model/build-map';

/** First line whose regex matches, scanning every line: the definition the index must agree with. */
function naiveFirst(entries: readonly MapEntry[], input: string): MapEntry | 'unsupported' | undefined {
  for (const e of entries) {
    const r = compileRegex(e.key, { caseless: false, noAutoCapture: true }).search(input);
    if ('status' in r) {
      return 'unsupported';
    }
    if (r.matched) {
      return e;
    }
  }
  return undefined;
}

const atom = fc.constantFrom('a', 'b', 'ab', 'ba', 'abc', 'aab', '[ab]', '.', 'a?', 'b*', '(a|b)', 'c{1,2}', '\\w', 'x', 'host\\.a', 'host\\.b', '\\/');
const regex = fc
  .tuple(fc.boolean(), fc.array(atom, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([start, parts, end]) => `${start ? '^' : ''}${parts.join('')}${end ? '$' : ''}`);
const input = fc.array(fc.constantFrom('a', 'b', 'c', 'x', 'host.a', 'host.b', '/', 'ab', '\n'), { maxLength: 8 }).map((cs) => cs.join(''));

describe('LiteralIndex', () => {
  it('keeps every line whose literal occurs in the input, in line order', () => {
    const index = new LiteralIndex(['example.com/api/', '', 'example.com/', 'other.org', 'example.com/api/']);
    expect([...index.candidates('http://example.com/api/v1')]).toEqual([0, 1, 2, 4]);
    expect([...index.candidates('other.org/x')]).toEqual([1, 3]);
    expect([...index.candidates('nothing')]).toEqual([1]);
  });

  it('files short literals under the whole literal', () => {
    const index = new LiteralIndex(['ab', 'abcdefghijkl', 'b']);
    expect([...index.candidates('xaby')]).toEqual([0, 2]);
    expect([...index.candidates('abcdefghijk')]).toEqual([0, 2]);
    expect([...index.candidates('zabcdefghijklz')]).toEqual([0, 1, 2]);
  });

  it('answers as a fresh index when derived from a recent one, edit after edit', () => {
    const literal = fc.array(fc.constantFrom('a', 'b', 'c', 'host.', 'example', '/api/', 'abcdefghij'), { maxLength: 4 }).map((ps) => ps.join(''));
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'host.', 'example', '/api/', 'abcdefghij', 'x'), { maxLength: 10 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(
        fc.array(literal, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.array(literal, { minLength: 1, maxLength: 20 }).map((ls) => ls)), { minLength: 1, maxLength: 6 }),
        fc.array(text, { minLength: 1, maxLength: 12 }),
        (initial, edits, inputs) => {
          let literals = initial;
          LiteralIndex.of(literals);
          for (const [seed, replacements] of edits) {
            // Change up to 20 lines in place (past the derive limit sometimes), keeping the line count.
            literals = literals.map((l, i) => ((i * 7 + seed) % 3 === 0 ? (replacements[i % replacements.length] as string) : l));
            const derived = LiteralIndex.of(literals);
            const fresh = new LiteralIndex(literals);
            for (const t of inputs) {
              expect([...derived.candidates(t)], JSON.stringify({ literals, t })).toEqual([...fresh.candidates(t)]);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('derives an index from a recent one with as many lines', () => {
    const literals = Array.from({ length: 50 }, (_, i) => `host${i}.example.com/`);
    const first = LiteralIndex.of(literals);
    expect(LiteralIndex.of([...literals])).toBe(first);
    const edited = literals.map((l, i) => (i === 20 ? 'other.org/' : l));
    const derived = LiteralIndex.of(edited);
    expect(derived).not.toBe(first);
    expect([...derived.candidates('http://other.org/x')]).toEqual([20]);
    expect([...derived.candidates('http://host20.example.com/')]).toEqual([]);
    expect([...first.candidates('http://host20.example.com/')]).toEqual([20]);
  });

  it('gives the same map_reg winner as scanning every line', () => {
    fc.assert(
      fc.property(fc.array(regex, { minLength: 1, maxLength: 12 }), fc.array(input, { minLength: 10, maxLength: 30 }), (keys, inputs) => {
        const map = buildMapModel(keys.map((k, i) => `${k} v${i}`).join('\n') + '\n', '/p.map');
        for (const text of inputs) {
          const r = matchMap(map.entries, 'reg', text);
          const got = 'unsupported' in r ? 'unsupported' : r.entry;
          expect(got, JSON.stringify(text)).toBe(naiveFirst(map.entries, text));
        }
      }),
      { numRuns: 300, seed: 20250602 },
    );
  });
});
