/*
 * Exact unreachable-line analysis of generated 2,000-line regex maps (hosts ×
 * paths in the style of a path-by-path migration, with planted shadowed
 * lines): time per map, cold (first map in the process) and warm.
 */
import { analyzeMapReachability, buildMapModel } from '../../server/src/engine';
import { generateRegexMap } from '../../test/helpers/generate-map';

const rows: string[] = [];
for (const seed of [1, 2, 3, 4]) {
  const map = buildMapModel(generateRegexMap(2000, seed), `/bench/seed-${seed}.map`);
  const t0 = performance.now();
  const results = analyzeMapReachability(map.entries, 'reg');
  const ms = performance.now() - t0;
  const count = (kind: string) => results.filter((r) => r.kind === kind).length;
  rows.push(`  seed ${seed}${seed === 1 ? ' (cold)' : ''}: ${map.entries.length} lines in ${ms.toFixed(0)} ms — ${count('unreachable')} unreachable, ${count('reachable')} reachable with a witness, ${count('undecided')} undecided`);
}
console.log('unreachable map lines (map_reg, target ≤ 1000 ms per 2,000-line map):');
console.log(rows.join('\n'));
