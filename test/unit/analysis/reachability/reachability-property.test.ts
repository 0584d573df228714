import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMapReachability } from '../../../../server/src/analysis/reachability/analyze-map-reachability';
import { matchMap } from '../../../../server/src/matching/match-map';
import { buildMapModel } from '../../../../server/src/model/build-map';

const atom = fc.constantFrom('a', 'b', '[ab]', '[a-c]', '.', 'a?', 'b*', '(a|b)', 'c{1,2}', '\\w');
const regex = fc
  .tuple(fc.boolean(), fc.array(atom, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([start, parts, end]) => `${start ? '^' : ''}${parts.join('')}${end ? '$' : ''}`);
const input = fc.array(fc.constantFrom('a', 'b', 'c', 'x', '\n'), { maxLength: 6 }).map((cs) => cs.join(''));

describe('reachability properties', () => {
  it('never reports a line unreachable that wins for some input, and every witness wins', () => {
    fc.assert(
      fc.property(fc.array(regex, { minLength: 1, maxLength: 5 }), fc.array(input, { minLength: 20, maxLength: 40 }), (keys, inputs) => {
        const map = buildMapModel(keys.map((k, i) => `${k} v${i}`).join('\n') + '\n', '/p.map');
        const results = analyzeMapReachability(map.entries, 'reg');
        for (const r of results) {
          if (r.kind === 'reachable') {
            const won = matchMap(map.entries, 'reg', r.witness);
            expect('entry' in won && won.entry).toBe(r.entry);
          }
        }
        const unreachable = new Set(results.filter((r) => r.kind === 'unreachable').map((r) => r.entry));
        for (const text of inputs) {
          const won = matchMap(map.entries, 'reg', text);
          if ('entry' in won && won.entry !== undefined) {
            expect(unreachable.has(won.entry), `${JSON.stringify(text)} wins line ${won.entry.line + 1}`).toBe(false);
          }
        }
      }),
      { numRuns: 150, seed: 20250601 },
    );
  });
});
