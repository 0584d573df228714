/*
 * Differential fuzz of incremental builds: after every edit, the model (as
 * lines and columns), the line index and every issue with its fixes must be
 * what a from-scratch build of the same text gives. Line keys (span.ts) make
 * an incremental build reuse what lies below an added line; this holds it
 * to the same answers, including after the room between keys runs out.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLoaded, DEFAULT_ENGINE_OPTIONS, LineTemplateCache, loadConfig, lineOf, positionAt, type Issue, type LoadedConfig, type SourceFile, type Span } from '../../../server/src/engine';
import type { HaproxyConfig } from '../../../server/src/model/types';
import { createRng } from '../../differential/harness/seeded-rng';

const MAP = 'app\\.example\\/v2\\/ be_cloud\napp\\.example\\/ be_onprem\napp\\.example\\/v2\\/x be_cloud\n';
const source = { read: (p: string) => (p.endsWith('d.map') ? MAP : undefined) };
const CONFIG = '/etc/haproxy/haproxy.cfg';
const FRESH = '/etc/haproxy/fresh.cfg';

/** Uniform in [0, 1), the same sequence for the same seed. */
const rng = (seed: number): (() => number) => createRng(seed).next;

function base(backends: number): string {
  const out = ['# top', 'global', '  maxconn 100', 'defaults', '  mode http', '  timeout server 30s', '  timeout check 1s', 'frontend fe', '  bind :80', '  use_backend %[base,map_reg(/etc/haproxy/d.map,be_missing)]', '  default_backend be0'];
  for (let i = 0; i < backends; i++) {
    out.push(`backend be${i}`, '  option httpchk GET /health HTTP/1.1\\r\\nHost:\\ app', `  server aws${i} 10.0.0.1:80 check inter 1s weight 25 observe layer7`, `  server onprem${i} 10.0.0.2:80 weight 75`, `  server onprem${i} 10.0.0.3:80 weight 300`, '  # haproxy-migrate: ignore server/weight-out-of-range', `  server x${i} 10.0.0.4:80 weight 999`, '');
  }
  out.push('backend be_cloud', '  server c 10.0.0.1:80', 'backend be_onprem', '  balance first', '  server a 10.0.0.4:80 weight 0', '  server b 10.0.0.5:80 backup weight 3', '');
  return out.join('\n');
}

const POOL = ['  server extra 10.0.0.9:80 weight 300', '  bogus-keyword on', 'backend extra', '.if defined(FOO)', '.else', '.endif', '  timeout check 40s', 'defaults', 'global', '', '  # c', '# haproxy-migrate: ignore directive/unknown', '  server "bad', '  server aws0 1.1.1.1:80'];

function fingerprint(m: HaproxyConfig): string {
  const at = (p: number): string => {
    const { line, character } = positionAt(m.file, p);
    return `${line}:${character}`;
  };
  const asLines = (k: string, v: unknown): unknown => {
    if (k === 'blockStart' && typeof v === 'number') return at(v);
    if (k === 'file' && v && typeof v === 'object') return (v as SourceFile).text.length;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number') {
      const s = v as { start: number; end: number };
      return `${at(s.start)}-${at(s.end)}`;
    }
    return v;
  };
  return JSON.stringify({
    directives: m.directives.map((d) => [lineOf(m.file, d.span.start), d.keyword, d.span, d.comment, d.words.map((w) => [w.raw, w.value, w.span])]),
    issues: m.issues.map((i) => [i.code, i.message, i.span]).sort(),
    sections: m.sections,
    proxies: m.proxies.map((p) => ({ ...p, defaults: undefined })),
    mapReferences: m.mapReferences.map((r) => ({ ...r, proxy: r.proxy?.name })),
    comments: m.comments,
    conditionals: m.conditionals,
  }, asLines);
}

function view(loaded: LoadedConfig, issues: readonly Issue[]): string {
  const files = new Map<string, SourceFile>([[loaded.config.file.path, loaded.config.file]]);
  for (const m of loaded.maps.values()) if (m.map) files.set(m.map.file.path, m.map.file);
  const at = (file: string, s: Span): string => {
    const f = files.get(file);
    if (!f) return `unknown file ${file}`;
    const [a, b] = [positionAt(f, s.start), positionAt(f, s.end)];
    return `${a.line}:${a.character}-${b.line}:${b.character}`;
  };
  const shown = issues.map((i) => [i.file, i.code, i.severity, i.message, at(i.file, i.span), i.related?.map((r) => ({ ...r, span: at(r.file, r.span) })), i.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: at(e.file, e.span) })) }))]);
  return JSON.stringify(shown.sort()).split(FRESH).join(CONFIG);
}


type Op = (t: string, r: () => number, nl: string) => string;
const starts = (t: string): number[] => [0, ...[...t.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
const pick = <T,>(a: readonly T[], r: () => number): T => a[Math.floor(r() * a.length)] as T;
const OPS: Record<string, Op> = {
  enter: (t, r, nl) => { const p = Math.floor(r() * (t.length + 1)); return t.slice(0, p) + nl + t.slice(p); },
  join: (t, r, nl) => { const s = starts(t).slice(1); if (!s.length) return t; const x = pick(s, r); return t.slice(0, x - nl.length) + t.slice(x); },
  insertLine: (t, r, nl) => { const s = pick(starts(t), r); return t.slice(0, s) + pick(POOL, r) + nl + t.slice(s); },
  deleteLine: (t, r) => { const st = starts(t); const i = Math.floor(r() * st.length); return t.slice(0, st[i]) + t.slice(st[i + 1] ?? t.length); },
  type: (t, r) => { const p = Math.floor(r() * (t.length + 1)); return t.slice(0, p) + pick(['a', ' ', '0', '#', '"', '\\', '\r', '\r\n'], r) + t.slice(p); },
  backspace: (t, r) => { const p = Math.floor(r() * t.length); return t.slice(0, p) + t.slice(p + 1); },
  atStart: (t, r, nl) => pick([nl, pick(POOL, r) + nl, 'x', ''], r) + t.slice(r() < 0.3 ? (starts(t)[1] ?? 0) : 0),
  atEnd: (t, r, nl) => (r() < 0.3 ? t.slice(0, Math.max(0, t.length - 1 - Math.floor(r() * 10))) : t + pick([nl, pick(POOL, r) + nl, pick(POOL, r)], r)),
  paste: (t, r) => { const st = starts(t); const a = Math.floor(r() * st.length); const n = 1 + Math.floor(r() * 90); const block = t.slice(st[a], st[Math.min(a + n, st.length - 1)] ?? t.length); const s = pick(st, r); return t.slice(0, s) + block + t.slice(s); },
  cut: (t, r) => { const st = starts(t); const a = Math.floor(r() * st.length); const n = 1 + Math.floor(r() * 90); return t.slice(0, st[a]) + t.slice(st[Math.min(a + n, st.length - 1)] ?? t.length); },
};

/** Checks one state; true when the incremental build's line keys are those of a fresh read (it renumbered every line). */
function check(text: string, lines: LineTemplateCache, where: string): boolean {
  const inc = loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines });
  const fresh = loadConfig(text, FRESH, source, DEFAULT_ENGINE_OPTIONS);
  const keys = inc.config.file.lineKeys;
  for (let i = 1; i < keys.length; i++) if (!((keys[i] as number) > (keys[i - 1] as number))) throw new Error(`${where}: keys not increasing at ${i}`);
  expect(keys.length, where).toBe(fresh.config.file.lineStarts.length);
  expect(inc.config.file.lineStarts, where).toEqual(fresh.config.file.lineStarts);
  expect(fingerprint(inc.config), where).toBe(fingerprint(fresh.config));
  expect(view(inc, analyzeLoaded(inc)), where).toBe(view(fresh, analyzeLoaded(fresh)));
  return inc.config.file.lineKeys.every((k, i) => k === fresh.config.file.lineKeys[i]);
}

/** More with LINE_KEYS_FUZZ_SEEDS / LINE_KEYS_FUZZ_STEPS (8,000 steps ran clean). */
const SEEDS = Number(process.env.LINE_KEYS_FUZZ_SEEDS ?? 12);
const STEPS = Number(process.env.LINE_KEYS_FUZZ_STEPS ?? 30);

describe('line keys: incremental builds and analyses equal from-scratch ones under any edit', () => {
  for (const crlf of [false, true]) {
    it(`random edits: Enter, joins, lines added and removed, typing, pastes and cuts, at the ends too${crlf ? ' (CRLF)' : ''}`, () => {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = rng(seed);
        const nl = crlf ? '\r\n' : '\n';
        let text = base(3 + Math.floor(r() * 10)).replace(/\n/g, nl);
        const lines = new LineTemplateCache();
        loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines });
        const names = Object.keys(OPS);
        const log: string[] = [];
        for (let step = 0; step < STEPS; step++) {
          const name = pick(names, r);
          text = (OPS[name] as Op)(text, r, nl);
          log.push(name);
          check(text, lines, `seed ${seed} step ${step} ${log.slice(-4).join(',')}`);
        }
      }
    }, 600000);
  }

  for (const where of ['first', 'middle', 'last', 'backend-body'] as const) {
    for (const crlf of [false, true]) {
      it(`300 Enter presses at one place (${where}${crlf ? ', CRLF' : ''}) exhaust the key gap and renumber`, () => {
        const nl = crlf ? '\r\n' : '\n';
        let text = base(4).replace(/\n/g, nl);
        const lines = new LineTemplateCache();
        loadConfig(text, CONFIG, source, DEFAULT_ENGINE_OPTIONS, { lines });
        let p = where === 'first' ? 0 : where === 'last' ? text.length : where === 'middle' ? text.indexOf('backend be2') : text.indexOf('  server onprem1');
        // Added lines take keys between their neighbours' until the room runs out; then every line gets the keys of a fresh read, once.
        let renumbered = 0;
        for (let i = 0; i < 300; i++) {
          text = text.slice(0, p) + nl + text.slice(p);
          p += nl.length;
          renumbered += check(text, lines, `${where} enter ${i}`) ? 1 : 0;
        }
        expect(renumbered, 'edits that renumbered every line').toBe(1);
        // Then type on the new lines and delete them again.
        for (let i = 0; i < 40; i++) {
          const at = p - nl.length * (1 + (i % 5));
          text = text.slice(0, at) + (i % 2 ? '  bogus x' : 'backend n' + i) + text.slice(at);
          check(text, lines, `${where} typed ${i}`);
        }
      }, 600000);
    }
  }
});
