/* Writes the benchmark workload: node bench/out/generate.cjs <dir> [backends] [mapLines] [defined backends] */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateWorkload } from './generate-workload';

const dir = path.resolve(process.argv[2] ?? 'bench/out/data');
const backends = parseInt(process.argv[3] ?? '2000', 10);
const mapLines = parseInt(process.argv[4] ?? '2000', 10);
const defined = parseInt(process.argv[5] ?? String(backends), 10);
mkdirSync(dir, { recursive: true });
const mapPath = path.join(dir, 'domain2backend.map');
const w = generateWorkload(backends, mapLines, mapPath, 1, defined);
writeFileSync(path.join(dir, 'haproxy.cfg'), w.config);
writeFileSync(mapPath, w.map);
process.stdout.write(`${path.join(dir, 'haproxy.cfg')}: ${w.config.split('\n').length - 1} lines; ${mapPath}: ${w.map.split('\n').length - 1} lines\n`);
