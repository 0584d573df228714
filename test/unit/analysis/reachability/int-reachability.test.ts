import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMapReachability } from '../../../../server/src/analysis/reachability/analyze-map-reachability';
import { matchMap } from '../../../../server/src/matching/match-map';
import { parseIntRange } from '../../../../server/src/matching/int-range';
import { buildMapModel } from '../../../../server/src/model/build-map';

describe('map_int reachability', () => {
  it('calls a line unreachable exactly when no integer reaches it, naming earlier lines that cover it', () => {
    // Keys within 0..15, so the integers 0..15 are every input that can reach a line.
    const key = fc.oneof(fc.nat(15).map(String), fc.tuple(fc.nat(15), fc.nat(15)).map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 14 }), (keys) => {
        const map = buildMapModel(keys.map((k, i) => `${k} v${i}`).join('\n') + '\n', '/int.map');
        const winners = new Set(Array.from({ length: 16 }, (_, n) => matchMap(map.entries, 'int', String(n))).flatMap((r) => ('entry' in r && r.entry ? [r.entry] : [])));
        for (const r of analyzeMapReachability(map.entries, 'int')) {
          expect(r.kind, `line ${r.entry.line + 1} of ${keys.join(' ')}`).toBe(winners.has(r.entry) ? 'reachable' : 'unreachable');
          if (r.kind === 'unreachable') {
            const own = parseIntRange(r.entry.key)!;
            const cover = r.coveredBy.map((e) => parseIntRange(e.key)!);
            expect(r.coveredBy.every((e) => e.line < r.entry.line)).toBe(true);
            for (let n = own.lo; n <= own.hi; n++) {
              expect(cover.some((c) => c.lo <= n && n <= c.hi), `${n} of line ${r.entry.line + 1} is covered`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the fewest covering lines, not every overlapping one', () => {
    const map = buildMapModel(['1 a', '2 b', '3 c', '0:10 d', '0:10 e'].join('\n') + '\n', '/int.map');
    const last = analyzeMapReachability(map.entries, 'int')[4];
    expect(last?.kind === 'unreachable' && last.coveredBy.map((e) => e.line + 1)).toEqual([4]);
  });
});
