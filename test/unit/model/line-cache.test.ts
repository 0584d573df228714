import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { grammarTemplatesOfLines, LineTemplateCache, templatesOfLines } from '../../../server/src/model/line-templates';
import { lineOf, positionAt } from '../../../server/src/model/source-file';
import type { HaproxyConfig } from '../../../server/src/model/types';

const BASE = `global\n  stats socket /run/a.sock level admin\ndefaults\n  mode http\nfrontend fe\n  bind :80\n  use_backend %[base,map_reg(/etc/haproxy/d.map,bk)] if { path_beg /a }\n  http-request set-header Host "a\\tb" # c\nbackend be\n  server s1 1.2.3.4:80 weight 25 check\n  server s2 1.2.3.5:80 weight 75 backup\n`;

/**
 * What must not depend on whether a build reused cached lines. Positions
 * are compared as line and column: an edit leaves the line keys of a
 * reused build different from a fresh build's (see span.ts).
 */
function fingerprint(m: HaproxyConfig): string {
  const at = (p: number): string => {
    const { line, character } = positionAt(m.file, p);
    return `${line}:${character}`;
  };
  const asLines = (_key: string, v: unknown): unknown => {
    if (_key === 'blockStart' && typeof v === 'number') {
      return at(v);
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number') {
      const s = v as { start: number; end: number };
      return `${at(s.start)}-${at(s.end)}`;
    }
    return v;
  };
  return JSON.stringify({
    directives: m.directives.map((d) => [lineOf(m.file, d.span.start), d.keyword, d.span, d.comment, d.words.map((w) => [w.raw, w.value, w.span, w.rawOffsets, w.envRefs])]),
    issues: m.issues.map((i) => [i.code, i.message, i.span]).sort(),
    servers: m.proxies.flatMap((p) => p.servers.map((s) => [s.name, s.settings.weight, s.settings.weightWord?.span])),
    // Everything else the model says, spans included.
    sections: m.sections,
    proxies: m.proxies,
    defaults: m.defaults,
    mapReferences: m.mapReferences.map((r) => ({ ...r, proxy: r.proxy?.name })),
    global: m.global,
    frontends: m.frontends.map((p) => p.name),
    backendsByName: [...m.backendsByName].map(([name, p]) => [name, lineOf(m.file, p.header.span.start)]),
    comments: m.comments,
    conditionals: m.conditionals,
  }, asLines);
}

const edit = fc.tuple(fc.nat(400), fc.nat(6), fc.string({ unit: fc.constantFrom('a', ' ', '\n', '"', '#', '\\', 'x', '9', '\r', "'"), maxLength: 6 }));

describe('line templates', () => {
  it('gives each line read with others the template it has read alone', () => {
    const lineText = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '"', "'", '#', '\\', '$', '{', '}', '\0', 'é', '9'), maxLength: 12 });
    fc.assert(
      // Leading lines put the random ones across the boundary of the batches the lines are parsed in.
      fc.property(fc.array(lineText, { maxLength: 8 }), fc.constantFrom(0, 508, 510, 1020), (random, leading) => {
        const lines = [...Array.from({ length: leading }, (_, i) => `server s${i} 10.0.0.1:80 "w ${i}"`), ...random];
        expect(templatesOfLines(lines, () => 'v')).toEqual(lines.map((l) => templatesOfLines([l], () => 'v')[0]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('plain lines', () => {
  const unit = fc.constantFrom('a', 'b', '9', ':', '/', 'é', ' ', '\t', '\f', '\v', '#', '"', "'", '\\', '$', '{', '}', '\0', '\r', '\u2028');

  it('reads every line as the grammar does', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 16 }), { maxLength: 6 }), (lines) => {
        expect(templatesOfLines(lines, () => 'v')).toEqual(grammarTemplatesOfLines(lines, () => 'v'));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads words, blanks and trailing comments of real lines as the grammar does', () => {
    const lines = ['  server s1 10.0.0.1:80 check weight 25', '\tbind :80 # public', '# only a comment', 'backend bk#glued', '  ', '', 'acl a path_beg /x #"quoted" \'in\' comment\\', '\f\vmode\fhttp\v'];
    expect(templatesOfLines(lines, () => undefined)).toEqual(grammarTemplatesOfLines(lines, () => undefined));
    expect(templatesOfLines(lines, () => undefined)[1]?.comment?.text).toBe('# public');
  });
});

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

describe('edits that add or remove lines', () => {
  const backends = Array.from({ length: 40 }, (_, i) => `backend b${i}\n  server s${i} 10.0.${i}.1:80 weight ${i + 1} check\n`).join('');
  const text = `defaults\n  mode http\n${backends}`;

  it('keeps every other section, proxy and line key when a line is added or removed in one backend', () => {
    const cache = new LineTemplateCache();
    const before = buildConfigModel(text, '/h.cfg', { lineCache: cache });
    const keysBefore = before.file.lineKeys;
    // A line added under backend b20's server line, then removed again.
    const serverLine = '  server s20 10.0.20.1:80 weight 21 check\n';
    const added = text.replace(serverLine, `${serverLine}  timeout server 5s\n`);
    const after = buildConfigModel(added, '/h.cfg', { lineCache: cache });
    const name = (p: { name?: string }): string => p.name ?? '';
    const reused = after.proxies.filter((p) => before.proxies.includes(p)).map(name);
    expect(reused).toEqual(before.proxies.map(name).filter((n) => n !== 'b20'));
    expect(after.backendsByName.get('b20')?.settings.timeouts.server).toBe(5000);
    expect(after.defaults[0]).toBe(before.defaults[0]);
    // The lines below the new one keep their keys: nothing there moved, though their line numbers did.
    const below = text.split('\n').length - 1 - lineOf(before.file, (before.backendsByName.get('b21')?.span.start ?? 0));
    expect(after.file.lineKeys.slice(-below)).toEqual(keysBefore.slice(-below));
    expect(lineOf(after.file, after.backendsByName.get('b21')?.span.start ?? 0)).toBe(lineOf(before.file, before.backendsByName.get('b21')?.span.start ?? 0) + 1);
    const removed = buildConfigModel(text, '/h.cfg', { lineCache: cache });
    expect(removed.proxies.filter((p) => after.proxies.includes(p)).map(name)).toEqual(before.proxies.map(name).filter((n) => n !== 'b20'));
    expect(fingerprint(removed)).toBe(fingerprint(buildConfigModel(text, '/h.cfg')));
  });

  it('gives a line added at the very top a key above the first line, and moves nothing else', () => {
    const cache = new LineTemplateCache();
    const before = buildConfigModel(text, '/h.cfg', { lineCache: cache });
    const after = buildConfigModel(`# migration to the cloud\n${text}`, '/h.cfg', { lineCache: cache });
    expect(after.file.lineKeys.slice(1)).toEqual(before.file.lineKeys);
    expect(after.proxies.every((p, i) => p === before.proxies[i])).toBe(true);
    expect(after.comments.map((c) => positionAt(after.file, c.span.start))).toEqual([{ line: 0, character: 0 }]);
  });
});
