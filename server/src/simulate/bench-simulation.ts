import { loadConfig, DEFAULT_ENGINE_OPTIONS } from '../engine';
import { simulateRequest } from './route';

/** Throughput of simulateRequest on one map_reg file (for `npm run bench`). */
export interface SimulationBenchResult {
  readonly mapLines: number;
  readonly urls: number;
  readonly milliseconds: number;
  readonly urlsPerSecond: number;
  /** How many URLs reached a backend named in the map (the rest hit the default). */
  readonly mapHits: number;
}

/**
 * Simulates `urls` against a config of the seed's shape (`use_backend
 * %[base,map_reg(<map>,bk_default)]`) whose map is `mapText`, after one
 * warm-up pass, and reports URLs per second. Backends are created for every
 * map value so each URL goes through balancing too.
 */
export function benchSimulation(mapText: string, urls: readonly string[], rounds = 3): SimulationBenchResult {
  const values = new Set<string>(['bk_default']);
  let mapLines = 0;
  for (const line of mapText.split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && !line.startsWith('#')) {
      mapLines++;
      if (value) {
        values.add(value);
      }
    }
  }
  const cfg = ['defaults', '  mode http', 'frontend fe', '  bind :80', '  use_backend %[base,map_reg(/bench/routes.map,bk_default)]',
    ...[...values].flatMap((v) => [`backend ${v}`, `  server onprem 10.0.0.1:80 weight 75`, `  server cloud 10.0.0.2:80 weight 25`]), ''].join('\n');
  const loaded = loadConfig(cfg, '/bench/haproxy.cfg', { read: (p) => (p === '/bench/routes.map' ? mapText : undefined) }, DEFAULT_ENGINE_OPTIONS);
  let mapHits = 0;
  for (const url of urls) {
    mapHits += simulateRequest(loaded, { url }).routes[0]?.mapMatch ? 1 : 0;
  }
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const url of urls) {
      simulateRequest(loaded, { url });
    }
  }
  const milliseconds = performance.now() - t0;
  const total = urls.length * rounds;
  return { mapLines, urls: total, milliseconds, urlsPerSecond: total / (milliseconds / 1000), mapHits };
}
