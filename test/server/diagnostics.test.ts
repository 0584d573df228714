import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/example-workspace';
import { fileUri, LspHarness } from '../helpers/lsp-harness';

const codes = (d: { code?: string | number }[]) => d.map((x) => x.code);
let h: LspHarness | undefined;
afterEach(() => h?.dispose());

describe('diagnostics (push)', () => {
  it('publishes diagnostics for the example config when it is opened', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const first = h.nextDiagnostics(ws.cfgUri);
    await h.open(ws.cfgUri, ws.cfgText);
    const before = await first;
    expect(codes(before)).not.toContain('directive/unknown');
    expect(h.published.get(ws.cfgUri)?.version).toBe(1);
    const broken = h.nextDiagnostics(ws.cfgUri, (d) => d.length > before.length);
    await h.change(ws.cfgUri, ws.cfgText.replace('    bind :8001', '    bind :8001\n    bogus-keyword on'));
    const unknown = (await broken).filter((x) => x.code === 'directive/unknown');
    expect(unknown.map((x) => x.range.start)).toEqual([{ line: 23, character: 4 }]);
    expect(h.published.get(ws.cfgUri)?.version).toBe(2);
  });

  it('moves the diagnostics below a line break typed above them, though their issues are reused', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const text = ws.cfgText.trimEnd() + '\n    bogus-keyword on\n';
    const lineOfBogus = text.split('\n').findIndex((l) => l.includes('bogus-keyword'));
    const opened = h.nextDiagnostics(ws.cfgUri, (d) => d.some((x) => x.code === 'directive/unknown'));
    await h.open(ws.cfgUri, text);
    const unknownLine = (d: { code?: string | number; range: { start: { line: number } } }[]) => d.find((x) => x.code === 'directive/unknown')?.range.start.line;
    expect(unknownLine(await opened)).toBe(lineOfBogus);
    // Enter at the end of the first line, then Backspace: the reused issue's line moves down and back.
    for (const [edited, expected] of [[text.replace('\n', '\n\n'), lineOfBogus + 1], [text, lineOfBogus]] as const) {
      const moved = h.nextDiagnostics(ws.cfgUri, (d) => unknownLine(d) === expected);
      await h.change(ws.cfgUri, edited);
      expect(unknownLine(await moved)).toBe(expected);
    }
  });

  it('shows a map value naming no backend on the map document, not on the config', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    await h.open(ws.cfgUri, ws.cfgText);
    const mapDiags = h.nextDiagnostics(ws.mapUri, (d) => d.length > 0);
    await h.open(ws.mapUri, ws.mapText.replace('application-02-on-prem\n', 'application-02-onprem\n'));
    const d = await mapDiags;
    expect(codes(d)).toEqual(['backend/undefined']);
    expect(d[0]?.range.start.line).toBe(4);
  });

  it('re-checks the map document when the config that uses it changes', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    await h.open(ws.cfgUri, ws.cfgText);
    const broken = h.nextDiagnostics(ws.mapUri, (d) => d.length > 0);
    await h.open(ws.mapUri, ws.mapText.replace('application-02-on-prem\n', 'application-02-onprem\n'));
    await broken;
    const fixed = h.nextDiagnostics(ws.mapUri, (d) => d.length === 0);
    await h.change(ws.cfgUri, ws.cfgText + '\nbackend application-02-onprem\n    server s1 10.0.0.1:80\n');
    expect(await fixed).toEqual([]);
  });

  it('reports map problems of a config that is not open, found by scanning the workspace', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const d = h.nextDiagnostics(ws.mapUri, (x) => x.length > 0);
    await h.open(ws.mapUri, ws.mapText + 'x.example/ nowhere\n');
    expect(codes(await d)).toEqual(['backend/undefined']);
  });

  it('indexes the configs of a workspace folder added later', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [] });
    const alone = h.nextDiagnostics(ws.mapUri);
    await h.open(ws.mapUri, ws.mapText + 'x.example/ nowhere\n');
    expect(await alone).toEqual([]);
    const used = h.nextDiagnostics(ws.mapUri, (x) => x.length > 0);
    await h.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(ws.dir), name: 'ws' }], removed: [] } });
    expect(codes(await used)).toEqual(['backend/undefined']);
  });

  it('lets an unsaved map buffer win over the missing file on disk', async () => {
    const ws = copyExample();
    const cfgUri = fileUri(path.join(ws.dir, 'haproxy-extra.cfg'));
    const text = 'frontend f\n    bind :80\n    use_backend %[base,map_beg(/etc/haproxy/extra.map,b)]\nbackend b\n    server s 10.0.0.1:80\n';
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const missing = h.nextDiagnostics(cfgUri, (d) => d.length > 0);
    await h.open(cfgUri, text);
    expect(codes(await missing)).toEqual(['map/file-not-found']);
    const found = h.nextDiagnostics(cfgUri, (d) => d.length === 0);
    await h.open(fileUri(path.join(ws.dir, 'extra.map')), 'a.example/ b\n');
    expect(await found).toEqual([]);
  });

  it('refreshes a config when a watched map file appears on disk', async () => {
    const ws = copyExample();
    const cfgUri = fileUri(path.join(ws.dir, 'haproxy-extra.cfg'));
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const missing = h.nextDiagnostics(cfgUri, (d) => d.length > 0);
    await h.open(cfgUri, 'frontend f\n    bind :80\n    use_backend %[base,map_beg(/etc/haproxy/extra.map,b)]\nbackend b\n    server s 10.0.0.1:80\n');
    await missing;
    const mapPath = path.join(ws.dir, 'extra.map');
    writeFileSync(mapPath, 'a.example/ b\n');
    const found = h.nextDiagnostics(cfgUri, (d) => d.length === 0);
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(mapPath), type: 1 }] });
    expect(await found).toEqual([]);
  });

  it('applies per-code overrides from haproxy.diagnostics.overrides', async () => {
    const ws = copyExample();
    const overrides = { 'directive/unknown': 'off', 'server/*': 'hint' };
    const uri = fileUri(path.join(ws.dir, 'haproxy-o.cfg'));
    h = await LspHarness.start({ workspaceFolders: [ws.dir], settings: () => ({ diagnostics: { overrides } }) });
    const d = h.nextDiagnostics(uri, (x) => x.length > 0);
    await h.open(uri, 'frontend f\n    bind :80\n    bogus-keyword on\n    default_backend b\nbackend b\n    server s 10.0.0.1:80 weight 300\n');
    const got = await d;
    expect(codes(got)).toEqual(['server/weight-out-of-range']);
    expect(got[0]?.severity).toBe(4);
  });
});

/** The example map with a line planted after the catch-all that covers it. */
function shadowedMap(mapText: string): string {
  return mapText + 'application-02\\.6play\\.fr\\/v4\\/ application-02-on-cloud\n';
}

/**
 * A pull-mode server with the example config open and its map, left closed
 * with a shadowed line, pushed: the state both hand-overs start from.
 */
async function openConfigWithPushedMap(): Promise<{ ws: ReturnType<typeof copyExample>; server: LspHarness }> {
  const ws = copyExample();
  writeFileSync(ws.mapPath, shadowedMap(ws.mapText));
  const server = await LspHarness.start({ workspaceFolders: [ws.dir], pull: true });
  h = server;
  const pushed = server.nextDiagnostics(ws.mapUri, (d) => d.length > 0);
  await server.open(ws.cfgUri, ws.cfgText);
  expect(codes(await pushed)).toEqual(['map/unreachable-line']);
  return { ws, server };
}

describe('diagnostics of a map file that is not open', () => {
  it('publishes the map of an open config, and clears it when the config closes (push)', async () => {
    const ws = copyExample();
    writeFileSync(ws.mapPath, shadowedMap(ws.mapText));
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const mapDiags = h.nextDiagnostics(ws.mapUri, (d) => d.length > 0);
    await h.open(ws.cfgUri, ws.cfgText);
    const d = await mapDiags;
    expect(codes(d)).toEqual(['map/unreachable-line']);
    expect(d[0]?.range.start.line).toBe(ws.mapText.split('\n').length - 1);
    const cleared = h.nextDiagnostics(ws.mapUri, (x) => x.length === 0);
    await h.close(ws.cfgUri);
    expect(await cleared).toEqual([]);
  });

  it('pushes a closed map in pull mode, and hands it over to pulls once the map is opened', async () => {
    const { ws, server } = await openConfigWithPushedMap();
    // Opened, the map is pulled: the pushed copy is cleared so the Problems panel does not list it twice.
    const cleared = server.nextDiagnostics(ws.mapUri, (x) => x.length === 0);
    await server.open(ws.mapUri, shadowedMap(ws.mapText));
    expect(await cleared).toEqual([]);
    const pulled = await server.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: ws.mapUri } });
    expect(codes(pulled.items)).toEqual(['map/unreachable-line']);
  });
});

describe('diagnostics (pull)', () => {
  it('answers textDocument/diagnostic and asks for a refresh when a map used by an open config changes', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir], pull: true });
    await h.open(ws.cfgUri, ws.cfgText.replace('    bind :8001', '    bind :8001\n    bogus-keyword on'));
    const report = await h.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: ws.cfgUri } });
    expect(report.kind).toBe('full');
    expect(codes(report.items)).toContain('directive/unknown');
    await h.open(ws.mapUri, ws.mapText);
    const before = h.refreshRequests;
    await h.change(ws.mapUri, ws.mapText + 'x.example/ nowhere\n');
    const mapReport = await h.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: ws.mapUri } });
    expect(codes(mapReport.items)).toEqual(['backend/undefined']);
    expect(h.refreshRequests).toBeGreaterThan(before);
    expect(h.published.size).toBe(0);
  });

  it('answers unchanged when the client already has the current result', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir], pull: true });
    await h.open(ws.cfgUri, ws.cfgText);
    const first = await h.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri: ws.cfgUri } });
    const again = await h.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri: ws.cfgUri }, previousResultId: first.resultId });
    expect(again.kind).toBe('unchanged');
    await h.change(ws.cfgUri, ws.cfgText + '\n');
    const edited = await h.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri: ws.cfgUri }, previousResultId: first.resultId });
    expect(edited.kind).toBe('full');
  });
});

describe('workspace diagnostics (workspace/diagnostic)', () => {
  interface Report { kind: 'full' | 'unchanged'; uri: string; version: number | null; resultId?: string; items?: { code: string; range: { start: { line: number } } }[] }
  const pull = async (previous: Report[] = []): Promise<Map<string, Report>> => {
    const result = await h!.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: previous.flatMap((r) => (r.resultId ? [{ uri: r.uri, value: r.resultId }] : [])) });
    return new Map(result.items.map((r) => [r.uri, r]));
  };

  it('reports closed configs and maps, unchanged until a file changes, and clears a file once it is opened', async () => {
    const ws = copyExample();
    writeFileSync(ws.mapPath, shadowedMap(ws.mapText));
    writeFileSync(ws.cfgPath, ws.cfgText.replace('    bind :8001', '    bind :8001\n    bogus-keyword on'));
    h = await LspHarness.start({ workspaceFolders: [ws.dir], pull: true });
    const first = await pull();
    expect([...first.keys()].sort()).toEqual([ws.cfgUri, ws.mapUri].sort());
    expect(first.get(ws.cfgUri)).toMatchObject({ kind: 'full', version: null });
    expect(codes(first.get(ws.cfgUri)?.items ?? [])).toContain('directive/unknown');
    expect(codes(first.get(ws.mapUri)?.items ?? [])).toEqual(['map/unreachable-line']);
    expect(first.get(ws.mapUri)?.items?.[0]?.range.start.line).toBe(ws.mapText.split('\n').length - 1);

    // Nothing changed: nothing is sent again.
    const second = await pull([...first.values()]);
    expect([...second.values()].map((r) => r.kind)).toEqual(['unchanged', 'unchanged']);

    // The map is fixed on disk: its report is full again, and empty.
    writeFileSync(ws.mapPath, ws.mapText);
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.mapUri, type: 2 }] });
    const third = await pull([...second.values()]);
    expect(third.get(ws.mapUri)).toMatchObject({ kind: 'full', items: [] });
    // The config read the map, so it was analysed again: sent again, with the same problems.
    expect(codes(third.get(ws.cfgUri)?.items ?? [])).toEqual(codes(first.get(ws.cfgUri)?.items ?? []));

    // Opened, the config is pulled document by document: the workspace report clears it once, then leaves it out.
    await h.open(ws.cfgUri, ws.cfgText);
    const fourth = await pull([...third.values()]);
    expect(fourth.get(ws.cfgUri)).toMatchObject({ kind: 'full', items: [] });
    const fifth = await pull([...fourth.values()]);
    expect(fifth.has(ws.cfgUri)).toBe(false);
  });

  it('stops pushing closed maps once the client pulls the workspace, and clears what it pushed', async () => {
    const { ws, server } = await openConfigWithPushedMap();
    const cleared = server.nextDiagnostics(ws.mapUri, (d) => d.length === 0);
    const reports = await pull();
    expect(await cleared).toEqual([]);
    expect(codes(reports.get(ws.mapUri)?.items ?? [])).toEqual(['map/unreachable-line']);
    // An edit of the config pushes nothing for the map any more.
    const pushes = server.published.get(ws.mapUri);
    await server.change(ws.cfgUri, ws.cfgText + '\n');
    await server.request('textDocument/diagnostic', { textDocument: { uri: ws.cfgUri } });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.published.get(ws.mapUri)).toBe(pushes);
  });
});
