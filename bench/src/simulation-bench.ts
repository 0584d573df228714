/*
 * Simulation throughput: URLs per second through `simulateRequest` on a
 * config of the seed's shape whose regex map has 2,000 lines.
 */
import { DEFAULT_ENGINE_OPTIONS, loadConfig, simulateRequest } from '../../server/src/engine';
import { generateRegexMap } from '../../test/helpers/generate-map';

const mapText = generateRegexMap(2000, 42);
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
const cfg = [
  'defaults',
  '  mode http',
  'frontend fe',
  '  bind :80',
  '  use_backend %[base,map_reg(/bench/routes.map,bk_default)]',
  ...[...values].flatMap((v) => [`backend ${v}`, '  server onprem 10.0.0.1:80 weight 75', '  server cloud 10.0.0.2:80 weight 25']),
  '',
].join('\n');
const loaded = loadConfig(cfg, '/bench/haproxy.cfg', { read: (p) => (p === '/bench/routes.map' ? mapText : undefined) }, DEFAULT_ENGINE_OPTIONS);

// URLs spread over the map's hosts, with paths that hit specific lines, catch-alls and nothing.
const hosts = [...new Set([...mapText.matchAll(/^(app\\-\d+\\\.example\d\\\.fr)/gm)].map((m) => (m[1] ?? '').replace(/\\/g, '')))];
const paths = ['/v2/customers/1', '/api/v1/x', '/static/img/a.png', '/v1/orders/2', '/health', '/v2/critical/acme/payments/'];
const urls = Array.from({ length: 1000 }, (_, i) => `http://${hosts[(i * 7919) % Math.max(1, hosts.length)] ?? 'unknown.example'}${paths[i % paths.length]}`);

let mapHits = 0;
for (const url of urls) {
  mapHits += simulateRequest(loaded, { url }).routes[0]?.mapMatch ? 1 : 0;
}
const rounds = 3;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const url of urls) {
    simulateRequest(loaded, { url });
  }
}
const ms = performance.now() - t0;
const total = urls.length * rounds;
console.log(`simulation: ${mapLines}-line regex map, ${total} URLs (${mapHits}/${urls.length} decided by a map line) in ${ms.toFixed(0)} ms: ${(total / (ms / 1000)).toFixed(0)} URLs/s`);
