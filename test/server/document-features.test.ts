import { afterEach, describe, expect, it } from 'vitest';
import type { LspHarness } from '../helpers/lsp-harness';
import { openExample } from '../helpers/open-example';
import { parseMarkers, positionOf } from '../helpers/markers';

type Symbol = { name: string; detail?: string; range: { start: { line: number } }; children?: Symbol[] };
type Lens = { range: { start: { line: number } }; command: { title: string } };

let h: LspHarness | undefined;
afterEach(() => h?.dispose());

describe('document features', () => {
  it('outlines sections with their servers and rules', async () => {
    const ex = await openExample();
    h = ex.h;
    const symbols = await h.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri: ex.ws.cfgUri } });
    expect(symbols.map((s) => s.name)).toEqual([
      'global', 'defaults', 'resolvers m6dns', 'frontend application-01', 'frontend application-02', 'backend application-01',
      'backend application-02-on-prem', 'backend application-02-on-cloud', 'backend application-02-mixed', 'backend application-02-mixed-critical', 'backend bk_default',
    ]);
    const app01 = symbols.find((s) => s.name === 'backend application-01');
    expect(app01?.children?.map((c) => [c.name, c.detail])).toEqual([['aws-prod-Kubernetes-application-01', 'weight 25'], ['onprem-prod-front-application-01', 'weight 75']]);
  });

  it('folds sections and .if blocks', async () => {
    const cfg = 'global\n    daemon\n.if defined(X)\n    maxconn 10\n.endif\nbackend b\n    server s 10.0.0.1:80\n';
    const ex = await openExample({ cfg });
    h = ex.h;
    const ranges = await h.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: ex.ws.cfgUri } });
    expect(ranges).toEqual(expect.arrayContaining([{ startLine: 0, endLine: 3 }, { startLine: 2, endLine: 4 }, { startLine: 5, endLine: 6 }]));
  });

  it('puts the split above each weighted backend and the selected backend on map lines', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const lenses = await h.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: ex.ws.cfgUri } });
    expect(lenses.map((l) => [l.range.start.line, l.command.title])).toEqual([
      [34, 'cloud 25% · on-prem 75%'], [52, 'cloud 25% · on-prem 75%'], [58, 'cloud 1% · on-prem 99%'],
    ]);
    const mapLenses = await h.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: ex.ws.mapUri } });
    expect(mapLenses.map((l) => l.command.title)).toEqual([
      '→ application-02-mixed-critical · cloud 1% · on-prem 99%', '→ application-02-mixed · cloud 25% · on-prem 75%',
      '→ application-02-on-cloud · aws-prod-Kubernetes-application-02 100%', '→ application-02-on-prem · onprem-prod-front-application-02 100%',
      '→ application-02-on-prem · onprem-prod-front-application-02 100%',
    ]);
  });

  it('highlights backend names in the config and in the map', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const tokens = await h.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: ex.ws.mapUri } });
    expect(tokens.data.length).toBe(5 * 5);
    const cfgTokens = await h.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: ex.ws.cfgUri } });
    // 6 backend declarations, default_backend application-01, the converter default bk_default.
    expect(cfgTokens.data.length).toBe(8 * 5);
  });
});

describe('completion', () => {
  async function complete(cfgMarked: string, settings?: Record<string, unknown>): Promise<string[]> {
    const { text, cursors } = parseMarkers(cfgMarked);
    const ex = await openExample({ cfg: text, ...(settings ? { settings } : {}) });
    h = ex.h;
    const items = await h.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: ex.ws.cfgUri }, position: positionOf(text, cursors[0] as number) });
    return items.map((i) => i.label);
  }

  it('offers the directives a backend allows', async () => {
    const labels = await complete('backend b\n    bal<|>\n');
    expect(labels).toContain('balance');
    expect(labels).not.toContain('bind');
  });

  it('offers what the HAProxy version in haproxy.version documents', async () => {
    // guid is documented from 3.0; bind-process last in 2.6.
    const for26 = await complete('backend b\n    <|>\n');
    expect(for26).toEqual(expect.arrayContaining(['balance', 'bind-process']));
    expect(for26).not.toContain('guid');
    await h?.dispose();
    const for31 = await complete('backend b\n    <|>\n', { version: '3.1' });
    expect(for31).toEqual(expect.arrayContaining(['balance', 'guid']));
    expect(for31).not.toContain('bind-process');
    await h?.dispose();
    expect(await complete('backend b\n    option <|>\n')).not.toContain('forwarded');
    await h?.dispose();
    expect(await complete('backend b\n    option <|>\n', { version: '2.8' })).toContain('forwarded');
    await h?.dispose();
    const timeouts = await complete('defaults\n    timeout <|>\n');
    expect(timeouts).toEqual(expect.arrayContaining(['client', 'server', 'connect']));
    expect(timeouts).not.toContain('client-hs');
    await h?.dispose();
    expect(await complete('global\n    <|>\n', { version: '3.2' })).toContain('cpu-policy');
    await h?.dispose();
    expect(await complete('global\n    <|>\n')).not.toContain('cpu-policy');
  });

  it('offers backend names after use_backend', async () => {
    const labels = await complete('frontend f\n    use_backend <|>\nbackend api\nbackend web\n');
    expect(labels).toEqual(['api', 'web']);
  });

  it('offers server settings on a server line', async () => {
    const labels = await complete('backend b\n    server s 10.0.0.1:80 <|>\n');
    expect(labels).toEqual(expect.arrayContaining(['weight', 'check', 'backup']));
  });

  it('offers fetches after %[ and converters after a comma', async () => {
    expect(await complete('frontend f\n    use_backend %[<|>\n')).toContain('req.hdr');
    await h?.dispose();
    const converters = await complete('frontend f\n    use_backend %[base,<|>\n');
    expect(converters).toContain('map_beg');
    expect(converters).not.toContain('req.hdr');
  });

  it('offers backend names in the value column of a map', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const items = await h.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: ex.ws.mapUri }, position: { line: 2, character: 78 } });
    expect(items.map((i) => i.label)).toContain('application-02-on-cloud');
  });
});
