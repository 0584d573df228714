import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeLoaded, DEFAULT_ENGINE_OPTIONS, LineTemplateCache, loadConfig, positionAt, type Issue, type LoadedConfig, type SourceFile, type Span } from '../../../server/src/engine';
import { textOf } from '../../helpers/analyze';

const MAP = 'app\\.example\\/v2\\/ be_cloud\napp\\.example\\/ be_onprem\napp\\.example\\/v2\\/x be_cloud\n';
const BASE = [
  'defaults',
  '  mode http',
  '  timeout server 30s',
  '  timeout check 1s',
  'frontend fe',
  '  bind :80',
  '  use_backend %[base,map_reg(/etc/haproxy/d.map,be_missing)]',
  'backend be_cloud',
  '  option httpchk GET /health HTTP/1.1\\r\\nHost:\\ app',
  '  server aws 10.0.0.1:80 check inter 1s weight 25 observe layer7',
  '  server onprem 10.0.0.2:80 weight 75',
  '  server onprem 10.0.0.3:80 weight 300',
  'backend be_onprem',
  '  balance first',
  '  server a 10.0.0.4:80 weight 0',
  '  server b 10.0.0.5:80 backup weight 3',
  '  server c 10.0.0.6:80 backup',
  '',
].join('\n');

const source = { read: (p: string) => (p.endsWith('d.map') ? MAP : undefined) };

const CONFIG = '/etc/haproxy/haproxy.cfg';
/**
 * From-scratch builds read the same text under another name in the same
 * folder: check results are kept per file, and a from-scratch run under the
 * same name would replace what the next incremental run reuses.
 */
const FRESH = '/etc/haproxy/fresh.cfg';

/**
 * Everything a user sees of an issue, fixes included (the from-scratch file
 * name read as the config's). Spans are compared as lines and columns: the
 * line keys of positions differ between a reused and a fresh build.
 */
function view(loaded: LoadedConfig, issues: readonly Issue[]): string {
  const files = new Map<string, SourceFile>([[loaded.config.file.path, loaded.config.file]]);
  for (const m of loaded.maps.values()) {
    if (m.map) {
      files.set(m.map.file.path, m.map.file);
    }
  }
  const at = (file: string, s: Span): string => {
    const f = files.get(file);
    if (!f) {
      return `unknown file ${file}`;
    }
    const [a, b] = [positionAt(f, s.start), positionAt(f, s.end)];
    return `${a.line}:${a.character}-${b.line}:${b.character}`;
  };
  const shown = issues.map((i) => [
    i.file, i.code, i.severity, i.message, at(i.file, i.span),
    i.related?.map((r) => ({ ...r, span: at(r.file, r.span) })),
    i.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: at(e.file, e.span) })) })),
  ]);
  return JSON.stringify(shown.sort()).split(FRESH).join(CONFIG);
}

function analyzed(loaded: LoadedConfig): string {
  return view(loaded, analyzeLoaded(loaded));
}

const edit = fc.tuple(fc.nat(600), fc.nat(5), fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '#', '1', '0', 'weight ', 'backup', 'backend x\n', '  server s 1.1.1.1:1 ', 'check '), maxLength: 4 }));

describe('incremental analysis', () => {
  it('leaves an issue on a defaults line in place when typing moves the backend that reports it', () => {
    const lines = new LineTemplateCache();
    let text = 'defaults\n  mode http\n  timeout check 1s\n  timeout server 30s\nfrontend fe\n  bind :80\nbackend b\n  server s 1.1.1.1:80 check\n';
    const spans = (t: string, cache?: LineTemplateCache) =>
      analyzeLoaded(loadConfig(t, cache ? CONFIG : FRESH, source, DEFAULT_ENGINE_OPTIONS, cache ? { lines: cache } : {})).map((i) => [i.code, textOf(t, i.span)]);
    spans(text, lines);
    for (const typed of ['0', '00']) {
      text = text.replace('bind :80', `bind :80${typed}`);
      expect(spans(text, lines)).toEqual(spans(text));
      expect(spans(text, lines)).toContainEqual(['health/check-slower-than-users', 'timeout check 1s']);
    }
  });

  it('keeps the ignore-file fix at the top of the file after a line is added above the first one', () => {
    const lines = new LineTemplateCache();
    let text = 'backend b\n  server s 1.1.1.1:80 weight 300\n';
    analyzeLoaded(loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines }));
    text = `\n${text}`;
    const loaded = loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines });
    const fix = analyzeLoaded(loaded).find((i) => i.code === 'server/weight-out-of-range')?.fixes?.find((f) => f.title.endsWith('in this file'));
    expect(fix?.edits.map((e) => positionAt(loaded.config.file, e.span.start))).toEqual([{ line: 0, character: 0 }]);
    expect(analyzed(loaded)).toBe(analyzed(loadConfig(text, FRESH, source, DEFAULT_ENGINE_OPTIONS)));
  });

  it('reports the same issues and fixes with reused lines, directives, proxies and check results as from scratch', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const lines = new LineTemplateCache();
        let text = BASE;
        analyzeLoaded(loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines }));
        for (const [at, len, insert] of edits) {
          const pos = at % (text.length + 1);
          text = text.slice(0, pos) + insert + text.slice(pos + len);
          const incremental = analyzed(loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines }));
          const fresh = analyzed(loadConfig(text, FRESH, source, DEFAULT_ENGINE_OPTIONS));
          expect(incremental).toBe(fresh);
        }
      }),
      { numRuns: 120 },
    );
  });
});
