/*
 * Differential fuzz of the language server over edits that add and remove
 * lines: the server that followed the edits (A: push, P: pull with result
 * ids) must answer exactly like a fresh open of the same final text (B,
 * another workspace copy): diagnostics, symbols, folding, code lenses,
 * semantic tokens, links, hover, definition, references, rename, completion
 * and code actions, on the config and on its map. Line keys (span.ts) let
 * the incremental server reuse what lies below an added line; this holds it
 * to the answers of a fresh read.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, type ExampleWorkspace } from '../helpers/example-workspace';
import { LspHarness } from '../helpers/lsp-harness';
import { createRng } from '../differential/harness/seeded-rng';

type Diag = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string | number; message: string };

/** Uniform in [0, 1), the same sequence for the same seed. */
const rng = (seed: number): (() => number) => createRng(seed).next;

const POOL = [
  '    server extra 10.0.0.9:80 weight 300',
  '    server extra 10.0.0.9:80 check inter 1s observe layer7',
  '    bogus-keyword on',
  '# haproxy-migrate: ignore directive/unknown',
  'backend extra-be',
  '    balance first',
  '    server onprem-prod-front-application-02 onprem-application-02.6play.fr:80 check resolvers m6dns',
  '    use_backend application-01 if { path_beg /x }',
  '    timeout check 40s',
  '',
  '    # comment',
  'frontend fe-extra',
  '    default_backend application-02-mixed',
  '.if defined(FOO)',
  '.endif',
  '    server "bad',
];

interface Edit {
  readonly name: string;
  apply(text: string, r: () => number): string;
}

const lineStarts = (t: string): number[] => [0, ...[...t.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
const pick = <T>(a: readonly T[], r: () => number): T => a[Math.floor(r() * a.length)] as T;

function edits(nl: string): Edit[] {
  return [
    { name: 'enter', apply: (t, r) => { const p = Math.floor(r() * (t.length + 1)); return t.slice(0, p) + nl + t.slice(p); } },
    { name: 'join', apply: (t, r) => { const starts = lineStarts(t).slice(1); if (!starts.length) return t; const s = pick(starts, r); const len = nl.length; return t.slice(0, s - len) + t.slice(s); } },
    { name: 'insert-line', apply: (t, r) => { const s = pick(lineStarts(t), r); return t.slice(0, s) + pick(POOL, r) + nl + t.slice(s); } },
    { name: 'delete-line', apply: (t, r) => { const st = lineStarts(t); const i = Math.floor(r() * st.length); const a = st[i] as number; const b = st[i + 1] ?? t.length; return t.slice(0, a) + t.slice(b); } },
    { name: 'type', apply: (t, r) => { const p = Math.floor(r() * (t.length + 1)); return t.slice(0, p) + pick(['a', ' ', '0', '#', 'x', '\r', '"', '\\'], r) + t.slice(p); } },
    { name: 'paste-big', apply: (t, r) => { const st = lineStarts(t); const a = Math.floor(r() * st.length); const block = t.slice(st[a] as number, st[Math.min(a + 70, st.length - 1)] ?? t.length); const s2 = pick(st, r); return t.slice(0, s2) + block + t.slice(s2); } },
    { name: 'cut-block', apply: (t, r) => { const st = lineStarts(t); const a = Math.floor(r() * st.length); const n = 1 + Math.floor(r() * 20); return t.slice(0, st[a]) + t.slice(st[Math.min(a + n, st.length - 1)] ?? t.length); } },
    { name: 'backspace', apply: (t, r) => { const p = Math.floor(r() * t.length); return t.slice(0, p) + t.slice(p + 1); } },
    { name: 'enter-at-start', apply: (t) => nl + t },
    { name: 'line-at-start', apply: (t, r) => pick(POOL, r) + nl + t },
    { name: 'enter-at-end', apply: (t) => t + nl },
    { name: 'line-at-end', apply: (t, r) => t + pick(POOL, r) + nl },
    { name: 'delete-first-line', apply: (t) => t.slice((lineStarts(t)[1] ?? t.length)) },
    { name: 'paste-block', apply: (t, r) => { const st = lineStarts(t); const a = Math.floor(r() * st.length); const n = 1 + Math.floor(r() * 6); const block = t.slice(st[a] as number, st[Math.min(a + n, st.length - 1)] ?? t.length); const s = pick(st, r); return t.slice(0, s) + block + t.slice(s); } },
    { name: 'enter-burst', apply: (t, r) => { const p = Math.floor(r() * (t.length + 1)); return t.slice(0, p) + nl.repeat(1 + Math.floor(r() * 3)) + t.slice(p); } },
  ];
}

function describeEdit(a: string, b: string): string {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const line = a.slice(0, p).split('\n').length - 1;
  return `at offset ${p} (line ${line}) replace ${JSON.stringify(a.slice(p, a.length - s))} with ${JSON.stringify(b.slice(p, b.length - s))}`;
}

async function waitFor(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) {
      throw new Error(`timeout waiting for ${what}`);
    }
    await new Promise((res) => setTimeout(res, 2));
  }
}

const sortDiags = (d: readonly Diag[]): Diag[] => [...d].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Everything compared, given the diagnostics of the harness; paths of the workspace normalised. */
async function answers(h: LspHarness, uri: string, diags: readonly Diag[], probes: readonly { line: number; character: number }[], dir: string, mapUri?: string, mapDiags?: readonly Diag[]): Promise<Record<string, unknown>> {
  const doc = { textDocument: { uri } };
  const out: Record<string, unknown> = {};
  out.diagnostics = sortDiags(diags);
  out.symbols = await h.request('textDocument/documentSymbol', doc);
  out.folding = await h.request('textDocument/foldingRange', doc);
  out.lenses = await h.request('textDocument/codeLens', doc);
  out.tokens = await h.request('textDocument/semanticTokens/full', doc);
  out.links = await h.request('textDocument/documentLink', doc);
  const hovers: unknown[] = [];
  const defs: unknown[] = [];
  for (const position of probes) {
    hovers.push(await h.request('textDocument/hover', { ...doc, position }));
    defs.push(await h.request('textDocument/definition', { ...doc, position }));
    defs.push(await h.request('textDocument/references', { ...doc, position, context: { includeDeclaration: true } }));
    defs.push(await h.request('textDocument/prepareRename', { ...doc, position }).catch((e: Error) => `error ${e.message}`));
    defs.push(await h.request('textDocument/rename', { ...doc, position, newName: 'renamed-x' }).catch((e: Error) => `error ${e.message}`));
    defs.push(await h.request('textDocument/completion', { ...doc, position }));
  }
  out.hovers = hovers;
  out.defs = defs;
  const actions: unknown[] = [];
  for (const d of sortDiags(diags).slice(0, 8)) {
    actions.push(await h.request('textDocument/codeAction', { ...doc, range: d.range, context: { diagnostics: [d] } }));
  }
  out.actions = actions;
  if (mapUri) {
    const mdoc = { textDocument: { uri: mapUri } };
    out.mapLenses = await h.request('textDocument/codeLens', mdoc);
    const mh: unknown[] = [];
    for (let line = 0; line < 6; line++) {
      mh.push(await h.request('textDocument/hover', { ...mdoc, position: { line, character: 3 } }));
      mh.push(await h.request('textDocument/hover', { ...mdoc, position: { line, character: 75 } }));
    }
    out.mapHovers = mh;
    if (mapDiags) {
      out.mapDiagnostics = sortDiags(mapDiags);
      const ma: unknown[] = [];
      for (const d of sortDiags(mapDiags).slice(0, 4)) {
        ma.push(await h.request('textDocument/codeAction', { ...mdoc, range: d.range, context: { diagnostics: [d] } }));
      }
      out.mapActions = ma;
    }
  }
  return JSON.parse(JSON.stringify(out).split(encodeURI(dir)).join('<WS>').split(dir).join('<WS>')) as Record<string, unknown>;
}

function probesOf(text: string, r: () => number): { line: number; character: number }[] {
  const lines = text.split(/\r?\n|\r/);
  const out: { line: number; character: number }[] = [];
  // Backend names: declaration and uses.
  lines.forEach((l, i) => {
    const m = /(backend|default_backend|use_backend)\s+(\S+)/.exec(l);
    if (m && out.length < 4) {
      out.push({ line: i, character: (m.index ?? 0) + m[0].length - 1 });
    }
  });
  for (let k = 0; k < 6 && lines.length > 0; k++) {
    const i = Math.floor(r() * lines.length);
    const l = lines[i] ?? '';
    out.push({ line: i, character: Math.floor(r() * (l.length + 1)) });
  }
  return out;
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `incremental: …${a.slice(Math.max(0, i - 400), i + 200)}\nfresh:       …${b.slice(Math.max(0, i - 400), i + 200)}`;
}

const harnesses: LspHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) {
    await h.dispose();
  }
});

async function run(seed: number, steps: number, crlf: boolean, log: string[]): Promise<void> {
  const r = rng(seed);
  const wsA = copyExample();
  const wsP = copyExample();
  const wsB = copyExample();
  const A = await LspHarness.start({ workspaceFolders: [wsA.dir] });
  const P = await LspHarness.start({ workspaceFolders: [wsP.dir], pull: true });
  const B = await LspHarness.start({ workspaceFolders: [wsB.dir], pull: true });
  harnesses.push(A, P, B);
  const nl = crlf ? '\r\n' : '\n';
  let text = crlf ? wsA.cfgText.replace(/\n/g, '\r\n') : wsA.cfgText;
  const ops = edits(nl);
  await A.open(wsA.cfgUri, text);
  await P.open(wsP.cfgUri, text);
  const withMap = seed % 2 === 0;
  const mapText = wsA.mapText + 'x.example/ application-0\nfoo application-02\n';
  if (withMap) {
    await A.open(wsA.mapUri, mapText);
    await P.open(wsP.mapUri, mapText);
    await B.open(wsB.mapUri, mapText);
  }
  let version = 1;
  let pResult: { id: string | undefined; items: Diag[] } = { id: undefined, items: [] };
  const pull = async (h: LspHarness, ws: ExampleWorkspace, previous: string | undefined): Promise<{ kind: string; resultId?: string; items?: Diag[] }> =>
    h.request('textDocument/diagnostic', { textDocument: { uri: ws.cfgUri }, previousResultId: previous });
  for (let step = 0; step < steps; step++) {
    const op = pick(ops, r);
    const before = text;
    text = op.apply(text, r);
    log.push(`${op.name}: ${describeEdit(before, text)}`);
    version++;
    await A.change(wsA.cfgUri, text);
    await P.change(wsP.cfgUri, text);
    await waitFor(() => A.published.get(wsA.cfgUri)?.version === version, `A publish v${version}`);
    const pd = await pull(P, wsP, pResult.id);
    pResult = pd.kind === 'unchanged' ? { id: pd.resultId, items: pResult.items } : { id: pd.resultId, items: pd.items ?? [] };
    await B.open(wsB.cfgUri, text);
    const bd = await pull(B, wsB, undefined);
    const probes = probesOf(text, r);
    const mapPull = async (h: LspHarness, ws: ExampleWorkspace): Promise<Diag[] | undefined> => (withMap ? ((await h.request<{ items?: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: ws.mapUri } })).items ?? []) : undefined);
    const bm = await mapPull(B, wsB);
    const pm = await mapPull(P, wsP);
    const b = await answers(B, wsB.cfgUri, bd.items ?? [], probes, wsB.dir, withMap ? wsB.mapUri : undefined, bm);
    // A pushes the map's diagnostics at a time of its own: its map diagnostics are not compared (P pulls them).
    const a = await answers(A, wsA.cfgUri, (A.published.get(wsA.cfgUri)?.diagnostics ?? []) as Diag[], probes, wsA.dir, withMap ? wsA.mapUri : undefined, undefined);
    const p = await answers(P, wsP.cfgUri, pResult.items, probes, wsP.dir, withMap ? wsP.mapUri : undefined, pm);
    await B.close(wsB.cfgUri);
    for (const k of Object.keys(b)) {
      if (k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
        throw new Error(`seed ${seed} step ${step} (${op.name}) push/incremental differs from fresh in ${k}\nlast edits:\n${log.slice(-3).join('\n')}\n${firstDiff(JSON.stringify(a[k]), JSON.stringify(b[k]))}`);
      }
      if (JSON.stringify(p[k]) !== JSON.stringify(b[k])) {
        throw new Error(`seed ${seed} step ${step} (${op.name}) pull/incremental differs from fresh in ${k}\nlast edits:\n${log.slice(-3).join('\n')}\n${firstDiff(JSON.stringify(p[k]), JSON.stringify(b[k]))}`);
      }
    }
  }
}

/** More with LINE_KEYS_LSP_FUZZ_SEEDS / _STEPS / _FIRST (12,000 steps ran clean). */
const SEEDS = Number(process.env.LINE_KEYS_LSP_FUZZ_SEEDS ?? 3);
const STEPS = Number(process.env.LINE_KEYS_LSP_FUZZ_STEPS ?? 25);
const FIRST = Number(process.env.LINE_KEYS_LSP_FUZZ_FIRST ?? 1);

describe.runIf(SEEDS > 0)('language server after random edits: the same answers as a fresh open', () => {
  for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
    for (const crlf of [false, true]) {
      it(`seed ${seed}${crlf ? ' CRLF' : ''}`, async () => {
        const log: string[] = [];
        // Throws, with the last edits, at the first answer that differs.
        await run(seed, STEPS, crlf, log);
      }, 300000);
    }
  }
});

/** A push-mode server (A) that follows the edits and a pull-mode server (B) that opens each text afresh, each on its own copy of the example. */
async function pushAndPullServers(): Promise<{ wsA: ExampleWorkspace; wsB: ExampleWorkspace; A: LspHarness; B: LspHarness }> {
  const wsA = copyExample();
  const wsB = copyExample();
  const A = await LspHarness.start({ workspaceFolders: [wsA.dir] });
  const B = await LspHarness.start({ workspaceFolders: [wsB.dir], pull: true });
  harnesses.push(A, B);
  return { wsA, wsB, A, B };
}

describe('language server after lines added at the top or in one place', () => {
  it('"Ignore … in this file" inserts at line 0 after a line is added above the first one', async () => {
    const { wsA, wsB, A, B } = await pushAndPullServers();
    const text = 'backend b\n    server s 10.0.0.1:80 weight 300\n';
    await A.open(wsA.cfgUri, text);
    await waitFor(() => A.published.get(wsA.cfgUri)?.version === 1, 'v1');
    const edited = '\n' + text; // Enter at line 1, column 1
    await A.change(wsA.cfgUri, edited);
    await waitFor(() => A.published.get(wsA.cfgUri)?.version === 2, 'v2');
    await B.open(wsB.cfgUri, edited);
    const fileAction = async (h: LspHarness, uri: string, d: Diag) =>
      (await h.request<{ title: string; edit: { changes: Record<string, { range: unknown }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }))
        .filter((a) => a.title.endsWith('in this file')).map((a) => Object.values(a.edit.changes)[0]?.[0]?.range);
    const dA = (A.published.get(wsA.cfgUri)?.diagnostics ?? []) as Diag[];
    const dB = ((await B.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: wsB.cfgUri } })).items);
    const weight = (ds: Diag[]) => ds.find((d) => d.code === 'server/weight-out-of-range') as Diag;
    expect(await fileAction(B, wsB.cfgUri, weight(dB))).toEqual([{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]);
    expect(await fileAction(A, wsA.cfgUri, weight(dA))).toEqual([{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]);
  });

  it('answers like a fresh open through 300 Enter presses in a backend (the room between keys runs out once)', async () => {
    const { wsA, wsB, A, B } = await pushAndPullServers();
    let text = wsA.cfgText;
    await A.open(wsA.cfgUri, text);
    let p = text.indexOf('    balance roundrobin');
    let version = 1;
    for (let i = 0; i < 300; i++) {
      text = text.slice(0, p) + (i % 3 === 0 ? '    bogus-keyword x\n' : '\n') + text.slice(p);
      p += i % 3 === 0 ? 0 : 1;
      version++;
      await A.change(wsA.cfgUri, text);
      if (i % 25 === 0 || i > 285) {
        await waitFor(() => A.published.get(wsA.cfgUri)?.version === version, `v${version}`);
        await B.open(wsB.cfgUri, text);
        const bd = (await B.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: wsB.cfgUri } })).items;
        const probes = probesOf(text, rng(i));
        const b = await answers(B, wsB.cfgUri, bd, probes, wsB.dir);
        const a = await answers(A, wsA.cfgUri, (A.published.get(wsA.cfgUri)?.diagnostics ?? []) as Diag[], probes, wsA.dir);
        await B.close(wsB.cfgUri);
        for (const k of Object.keys(b)) {
          if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) {
            throw new Error(`press ${i} differs in ${k}\n${firstDiff(JSON.stringify(a[k]), JSON.stringify(b[k]))}`);
          }
        }
      }
    }
  }, 300000);
});
