import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { LineTemplateCache } from '../../../server/src/model/line-templates';
import type { HaproxyConfig } from '../../../server/src/model/types';

const BASE = `global\n  stats socket /run/a.sock level admin\ndefaults\n  mode http\nfrontend fe\n  bind :80\n  use_backend %[base,map_reg(/etc/haproxy/d.map,bk)] if { path_beg /a }\n  http-request set-header Host "a\\tb" # c\nbackend be\n  server s1 1.2.3.4:80 weight 25 check\n  server s2 1.2.3.5:80 weight 75 backup\n`;

/** What must not depend on whether a build reused cached lines. */
function fingerprint(m: HaproxyConfig): string {
  return JSON.stringify({
    directives: m.directives.map((d) => [d.line, d.keyword, d.span, d.comment, d.words.map((w) => [w.raw, w.value, w.span, w.rawOffsets, w.envRefs])]),
    issues: m.issues.map((i) => [i.code, i.message, i.span]).sort(),
    servers: m.proxies.flatMap((p) => p.servers.map((s) => [s.name, s.settings.weight, s.settings.weightWord?.span])),
    // Everything else the model says, spans included.
    sections: m.sections,
    proxies: m.proxies,
    defaults: m.defaults,
    mapReferences: m.mapReferences.map((r) => ({ ...r, proxy: r.proxy?.name })),
    global: m.global,
    frontends: m.frontends.map((p) => p.name),
    backendsByName: [...m.backendsByName].map(([name, p]) => [name, p.header.line]),
    comments: m.comments,
    conditionals: m.conditionals,
  });
}

const edit = fc.tuple(fc.nat(400), fc.nat(6), fc.string({ unit: fc.constantFrom('a', ' ', '\n', '"', '#', '\\', 'x', '9', '\r', "'"), maxLength: 6 }));

describe('incremental line templates', () => {
  it('builds the same model with a reused cache as from scratch, across any edit sequence', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const cache = new LineTemplateCache();
        let text = BASE;
        buildConfigModel(text, '/h.cfg', { lineCache: cache });
        for (const [at, len, insert] of edits) {
          const pos = at % (text.length + 1);
          text = text.slice(0, pos) + insert + text.slice(pos + len);
          expect(fingerprint(buildConfigModel(text, '/h.cfg', { lineCache: cache }))).toBe(fingerprint(buildConfigModel(text, '/h.cfg')));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('builds the same model as from scratch when lines are retyped in place, section keywords, defaults and .if blocks included', () => {
    // Each edit replaces one line's content and keeps the line count: the edits a build spliced into the last model sees.
    const base = 'global\n  maxconn 100\ndefaults base\n  mode http\n  timeout server 30s\nfrontend fe\n  bind :80\n  use_backend %[base,map_beg(/etc/haproxy/d.map,b1)]\n  default_backend b1\nbackend b1\n  server s1 1.2.3.4:80 weight 25 check\n  server s2 1.2.3.5:80 weight 75 backup\nbackend b2 from base\n  balance first\n  server s3 1.2.3.6:80 weight 3\n# note\nbackend b3\n  server s4 1.2.3.7:80 weight 300 observe layer7\n';
    const contents = [
      'backend b9', 'frontend f2', 'listen l1', 'defaults', 'defaults other', 'global', 'backend b4 from base', 'userlist u',
      '  server s9 9.9.9.9:80 weight 5 check', '  server s1 1.2.3.4:80 weight 0', '  timeout check 1s', '  mode tcp', '  use_backend b2 if { path_beg /x }',
      '.if defined(X)', '.else', '.endif', '.notice "hi"', '# haproxy-migrate: ignore server/weight-out-of-range', '', '  bogus-keyword 1', 'xbackend b2', '  weight "unclosed',
    ];
    const retype = fc.tuple(fc.nat(40), fc.nat(contents.length - 1));
    fc.assert(
      fc.property(fc.array(retype, { minLength: 1, maxLength: 12 }), (edits) => {
        const cache = new LineTemplateCache();
        let lines = base.split('\n');
        buildConfigModel(base, '/h.cfg', { lineCache: cache });
        for (const [line, content] of edits) {
          lines = lines.map((l, i) => (i === line % (lines.length - 1) ? (contents[content] as string) : l));
          const text = lines.join('\n');
          expect(fingerprint(buildConfigModel(text, '/h.cfg', { lineCache: cache }))).toBe(fingerprint(buildConfigModel(text, '/h.cfg')));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('builds the same model as from scratch when an edit adds, removes or moves more lines than are read one by one', () => {
    const block = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `backend ${tag}${i}\n  server s${i} 10.0.${i % 250}.1:80 weight ${i % 300} check\n`).join('');
    const big = BASE + block(60, 'b');
    const paste = fc.tuple(fc.nat(big.length), fc.nat(3000), fc.integer({ min: 0, max: 90 }));
    fc.assert(
      fc.property(fc.array(paste, { minLength: 1, maxLength: 4 }), (edits) => {
        const cache = new LineTemplateCache();
        let text = big;
        buildConfigModel(text, '/h.cfg', { lineCache: cache });
        for (const [at, cut, lines] of edits) {
          const pos = at % (text.length + 1);
          text = text.slice(0, pos) + block(lines, 'p') + text.slice(pos + cut);
          expect(fingerprint(buildConfigModel(text, '/h.cfg', { lineCache: cache }))).toBe(fingerprint(buildConfigModel(text, '/h.cfg')));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps only the lines of the latest build', () => {
    const cache = new LineTemplateCache();
    buildConfigModel(BASE, '/h.cfg', { lineCache: cache });
    const before = cache.size;
    buildConfigModel('backend only\n', '/h.cfg', { lineCache: cache });
    expect(before).toBeGreaterThan(5);
    expect(cache.size).toBeLessThanOrEqual(2);
  });
});
