import { copyExample, type ExampleWorkspace } from './example-workspace';
import { LspHarness } from './lsp-harness';

/** Starts a server on a copy of examples/migration with the config (and optionally the map) open. */
export async function openExample(options: { map?: string | boolean; cfg?: string; settings?: Record<string, unknown> } = {}): Promise<{ h: LspHarness; ws: ExampleWorkspace; cfgText: string; mapText: string }> {
  const ws = copyExample();
  const settings = options.settings;
  const h = await LspHarness.start({ workspaceFolders: [ws.dir], ...(settings ? { settings: () => settings } : {}) });
  const cfgText = options.cfg ?? ws.cfgText;
  const ready = h.nextDiagnostics(ws.cfgUri);
  await h.open(ws.cfgUri, cfgText);
  await ready;
  const mapText = typeof options.map === 'string' ? options.map : ws.mapText;
  if (options.map !== undefined && options.map !== false) {
    const mapReady = h.nextDiagnostics(ws.mapUri);
    await h.open(ws.mapUri, mapText);
    await mapReady;
  }
  return { h, ws, cfgText, mapText };
}
