import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLoaded, DEFAULT_ENGINE_OPTIONS, loadConfig, planRamp, rampableBackends, resolveRampBackend, simulateRequest } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../..');
const CFG = readFileSync(path.join(ROOT, 'examples/migration/haproxy.cfg'), 'utf8');
const MAP = readFileSync(path.join(ROOT, 'examples/migration/domain2backend.map'), 'utf8');

/** Characters that stress quoting, regexes, weights and URLs. */
const noise = fc.constantFrom(' ', '\n', '"', "'", '#', '\\', '(', ')', '[', ']', '{', '}', '*', '+', '?', '^', '$', '|', '%', ',', '0', '9', '-', 'weight ', 'backup ', 'server x 1.1.1.1:1 ', 'use_backend ', '(?<=a)', '\\1', '(a+)+');
const mutate = (base: string) =>
  fc.array(fc.tuple(fc.nat(base.length), fc.nat(4), fc.string({ unit: noise, maxLength: 3 })), { maxLength: 6 }).map((edits) => edits.reduce((t, [at, len, s]) => t.slice(0, at) + s + t.slice(at + len), base));
const url = fc.oneof(
  fc.constantFrom('http://application-02.6play.fr/v2/critical/x/payments/', 'http://application-01.6play.fr/', 'https://a:8002/v1/?q=1', '/relative', 'http://', 'not a url'),
  fc.webUrl(),
  fc.string({ maxLength: 40 }).map((s) => `http://application-02.6play.fr/${s}`),
);

describe('bad input is data, never a crash', () => {
  it('analyses, simulates and plans ramps on mutated configs and maps without throwing', () => {
    fc.assert(
      fc.property(mutate(CFG), mutate(MAP), fc.array(url, { maxLength: 3 }), (cfg, map, urls) => {
        const loaded = loadConfig(cfg, '/etc/haproxy/haproxy.cfg', { read: (p) => (p.endsWith('domain2backend.map') ? map : undefined) }, DEFAULT_ENGINE_OPTIONS);
        const issues = analyzeLoaded(loaded);
        for (const i of issues) {
          expect(i.span.start).toBeLessThanOrEqual(i.span.end);
        }
        for (const u of urls) {
          const r = simulateRequest(loaded, { url: u, down: ['application-01/aws-prod-Kubernetes-application-01'] });
          for (const route of r.routes) {
            const total = route.servers.reduce((s, x) => s + x.share, 0);
            expect(route.servers.length === 0 || Math.abs(total - 1) < 1e-9).toBe(true);
          }
        }
        for (const b of rampableBackends(loaded.config)) {
          const ramp = resolveRampBackend(loaded.config, b.name);
          if (!('problem' in ramp)) {
            planRamp(ramp, 'next');
            planRamp(ramp, 'abort');
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
