import { afterEach, describe, expect, it } from 'vitest';
import { applyLspEdits as applyEdits, type LspHarness } from '../helpers/lsp-harness';
import { openExample } from '../helpers/open-example';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Edit = { range: Range; newText: string };
type Diagnostic = { code: string; range: Range; data?: unknown; source?: string };
type Action = { title: string; edit: { changes: Record<string, Edit[]> } };

let h: LspHarness | undefined;
afterEach(() => h?.dispose());

async function actionsFor(uri: string, diagnostics: Diagnostic[]): Promise<Action[]> {
  const range = diagnostics[0]?.range;
  return (h as LspHarness).request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
}

describe('code actions', () => {
  it('applies the quick fix an issue carries, and the fixed map gets clean diagnostics', async () => {
    const ex = await openExample();
    h = ex.h;
    const broken = ex.mapText.replace('application-02-on-cloud', 'application-02-on-clod');
    const diags = h.nextDiagnostics(ex.ws.mapUri, (d) => d.length > 0);
    await h.open(ex.ws.mapUri, broken);
    const d = (await diags) as Diagnostic[];
    const actions = await actionsFor(ex.ws.mapUri, d);
    const fix = actions.find((a) => a.title === "Rename to 'application-02-on-cloud'");
    expect(fix).toBeDefined();
    const fixed = applyEdits(broken, fix?.edit.changes[ex.ws.mapUri] ?? []);
    expect(fixed).toBe(ex.mapText);
    const clean = h.nextDiagnostics(ex.ws.mapUri, (x) => x.length === 0);
    await h.change(ex.ws.mapUri, fixed);
    expect(await clean).toEqual([]);
  });

  it('suppresses a diagnostic with an ignore comment above its line', async () => {
    const cfgText = 'frontend f\n    bind :80\n    bogus-keyword on\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n';
    const ex = await openExample({ cfg: cfgText });
    h = ex.h;
    const d = (h.published.get(ex.ws.cfgUri)?.diagnostics ?? []) as Diagnostic[];
    expect(d.map((x) => x.code)).toEqual(['directive/unknown']);
    const actions = await actionsFor(ex.ws.cfgUri, d);
    expect(actions.filter((a) => /on this line$/.test(a.title)).map((a) => a.title)).toEqual(['Ignore directive/unknown on this line']);
    const suppress = actions.find((a) => a.title === 'Ignore directive/unknown on this line');
    const text = applyEdits(cfgText, suppress?.edit.changes[ex.ws.cfgUri] ?? []);
    expect(text).toContain('    bind :80\n    # haproxy-migrate: ignore directive/unknown\n    bogus-keyword on\n');
    const clean = h.nextDiagnostics(ex.ws.cfgUri, (x) => x.length === 0);
    await h.change(ex.ws.cfgUri, text);
    expect(await clean).toEqual([]);
  });

  it('falls back to its own ignore comment for a diagnostic that carries no fixes', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
    const actions = await actionsFor(ex.ws.mapUri, [{ code: 'map/unreachable-line', range, source: 'haproxy-migration' }]);
    expect(actions.map((a) => a.title)).toEqual(['Suppress map/unreachable-line on this line']);
    expect(actions[0]?.edit.changes[ex.ws.mapUri]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '# haproxy-migrate: ignore map/unreachable-line\n' }]);
  });

  it('offers the weight fixes of an out-of-range weight', async () => {
    const cfgText = 'frontend f\n    bind :80\n    default_backend b\nbackend b\n    server s 10.0.0.1:80 weight 300\n';
    const ex = await openExample({ cfg: cfgText });
    h = ex.h;
    const d = (h.published.get(ex.ws.cfgUri)?.diagnostics ?? []) as Diagnostic[];
    const titles = (await actionsFor(ex.ws.cfgUri, d)).map((a) => a.title);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toContain('Ignore server/weight-out-of-range on this line');
  });
});
