import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/example-workspace';
import { LspHarness } from '../helpers/lsp-harness';

/*
 * The server analyses a map's lines a slice at a time. These tests use a
 * map whose reachability takes a while (600 regex lines that need automata,
 * above the example's own lines and a line the catch-all shadows, so that
 * the map has a diagnostic to publish).
 */

const codes = (d: { code?: string | number }[]) => d.map((x) => x.code);
let h: LspHarness | undefined;
afterEach(() => h?.dispose());

type Workspace = ReturnType<typeof copyExample>;

function largeMap(ws: Workspace): string {
  const generated = Array.from({ length: 600 }, (_, i) => `^app-${i}[a-z]*\\.example\\.com\\/v[0-9]+\\/ application-02-on-prem\n`).join('');
  return `${generated}${ws.mapText}application-02\\.6play\\.fr\\/v4\\/ application-02-on-cloud\n`;
}

/** A server with the example config open, its large map on disk and, when `openMap`, open too; every publish of the opening is in. */
async function startWithLargeMap(openMap: boolean): Promise<{ ws: Workspace; server: LspHarness; mapText: string }> {
  const ws = copyExample();
  const mapText = largeMap(ws);
  writeFileSync(ws.mapPath, mapText);
  const server = await LspHarness.start({ workspaceFolders: [ws.dir] });
  h = server;
  const mapPublished = server.nextDiagnostics(ws.mapUri, (d) => d.length > 0);
  const cfgOpened = server.nextDiagnostics(ws.cfgUri);
  await server.open(ws.cfgUri, ws.cfgText);
  await Promise.all([cfgOpened, mapPublished]);
  if (openMap) {
    // Opening the map publishes it and the config again.
    const mapOpened = server.nextDiagnostics(ws.mapUri, (d) => d.length > 0);
    const cfgRepublished = server.nextDiagnostics(ws.cfgUri);
    await server.open(ws.mapUri, mapText);
    await Promise.all([mapOpened, cfgRepublished]);
  }
  return { ws, server, mapText };
}

/**
 * Switches the config to map_regm, so that the map is analysed again, and
 * while it is, renames the backend its lines name: they now name no
 * backend. The map's publishes from then on, until one reports that and a
 * while after (an analysis that read the config before the rename ends at
 * the same time).
 */
async function publishesAfterRenameDuringAnalysis(ws: Workspace, server: LspHarness): Promise<(string | number | undefined)[][]> {
  const regm = ws.cfgText.replace('map_reg(', 'map_regm(');
  const switched = server.nextDiagnostics(ws.cfgUri);
  await server.change(ws.cfgUri, regm);
  await switched;
  const renamed = server.nextDiagnostics(ws.cfgUri);
  await server.change(ws.cfgUri, regm.replace('backend application-02-on-prem', 'backend application-02-onprem'));
  await renamed;
  const published: (string | number | undefined)[][] = [];
  // Records every publish of the map from now on, and never resolves.
  void server.nextDiagnostics(ws.mapUri, (d) => (published.push(codes(d)), false));
  await server.nextDiagnostics(ws.mapUri, (d) => codes(d).includes('backend/undefined'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  return published;
}

describe('map analysis in the language server', () => {
  it('keeps answering hovers while a large closed map is analysed', async () => {
    const ws = copyExample();
    writeFileSync(ws.mapPath, largeMap(ws));
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    const server = h;
    let mapDone = false;
    const mapPublished = server.nextDiagnostics(ws.mapUri, (d) => d.length > 0).then((d) => ((mapDone = true), d));
    const configPublished = server.nextDiagnostics(ws.cfgUri);
    await server.open(ws.cfgUri, ws.cfgText);
    await configPublished;
    const serverLine = ws.cfgText.split('\n').findIndex((l) => /^\s+server /.test(l));
    let answered = 0;
    while (!mapDone) {
      await server.request('textDocument/hover', { textDocument: { uri: ws.cfgUri }, position: { line: serverLine, character: 12 } });
      answered += mapDone ? 0 : 1;
    }
    expect(codes(await mapPublished)).toEqual(['map/unreachable-line']);
    // Analysed in one go, the map would hold every hover after the first until it is published.
    expect(answered).toBeGreaterThan(5);
  });

  it('publishes a closed map from the configs as they are after an edit made while the map is analysed', async () => {
    const { ws, server } = await startWithLargeMap(false);
    const published = await publishesAfterRenameDuringAnalysis(ws, server);
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((c) => !c.includes('backend/undefined'))).toEqual([]);
  });

  it('publishes an open map from the configs as they are after an edit made while the map is analysed', async () => {
    const { ws, server } = await startWithLargeMap(true);
    const published = await publishesAfterRenameDuringAnalysis(ws, server);
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((c) => !c.includes('backend/undefined'))).toEqual([]);
  });

  it('publishes the configs that use a map before the map itself after an edit of the map', async () => {
    const { ws, server, mapText } = await startWithLargeMap(true);
    const order: string[] = [];
    const cfgAgain = server.nextDiagnostics(ws.cfgUri).then(() => order.push('config'));
    const mapAgain = server.nextDiagnostics(ws.mapUri).then(() => order.push('map'));
    // A new first line: every line below is analysed again, which takes a while.
    await server.change(ws.mapUri, `^new[a-z]*\\/ application-02-on-cloud\n${mapText}`);
    await Promise.all([cfgAgain, mapAgain]);
    expect(order).toEqual(['config', 'map']);
  });
});
