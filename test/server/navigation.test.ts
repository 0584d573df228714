import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openExample } from '../helpers/open-example';
import { applyLspEdits as applyEdits, fileUri, type LspHarness } from '../helpers/lsp-harness';
import { positionOfText } from '../helpers/markers';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Location = { uri: string; range: Range };
type Edit = { range: Range; newText: string };

let h: LspHarness | undefined;
afterEach(() => h?.dispose());

describe('navigation', () => {
  it('renames a backend in the config and in the map file that names it', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const at = positionOfText(ex.cfgText, 'backend application-02-mixed\n', 10);
    const edit = await h.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: ex.ws.cfgUri }, position: at, newName: 'app02-split' });
    expect(Object.keys(edit.changes).sort()).toEqual([ex.ws.cfgUri, ex.ws.mapUri].sort());
    const map = applyEdits(ex.mapText, edit.changes[ex.ws.mapUri] ?? []);
    expect(map).toContain('application-02\\.6play\\.fr\\/v2\\/customers\\/                              app02-split\n');
    expect(map).toContain('application-02-mixed-critical');
    expect(applyEdits(ex.cfgText, edit.changes[ex.ws.cfgUri] ?? [])).toContain('backend app02-split\n');
  });

  it('renames from a map value even when the map file is not open', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const at = positionOfText(ex.mapText, 'application-02-on-cloud', 3);
    const edit = await h.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: ex.ws.mapUri }, position: at, newName: 'app02-cloud' });
    expect(applyEdits(ex.cfgText, edit.changes[ex.ws.cfgUri] ?? [])).toContain('backend app02-cloud\n');
    expect(edit.changes[ex.ws.mapUri]).toHaveLength(1);
  });

  it('renames the backend in another workspace config that reads the same map', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const other = ex.ws.cfgPath.replace('haproxy.cfg', 'haproxy-eu.cfg');
    writeFileSync(other, 'frontend eu\n    bind :9000\n    use_backend %[base,map_reg(/etc/haproxy/domain2backend.map)]\nbackend application-02-on-cloud\n    server s 10.0.0.9:80\n');
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(other), type: 1 }] });
    const at = positionOfText(ex.cfgText, 'backend application-02-on-cloud', 10);
    const edit = await h.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: ex.ws.cfgUri }, position: at, newName: 'app02-cloud' });
    expect(edit.changes[fileUri(other)]?.map((e) => [e.range.start.line, e.newText])).toEqual([[3, 'app02-cloud']]);
    expect(edit.changes[ex.ws.mapUri]).toHaveLength(1);
  });

  it('rejects a new name with blanks', async () => {
    const ex = await openExample();
    h = ex.h;
    const at = positionOfText(ex.cfgText, 'backend bk_default', 9);
    await expect(h.request('textDocument/rename', { textDocument: { uri: ex.ws.cfgUri }, position: at, newName: 'a b' })).rejects.toThrow(/not a valid name/);
  });

  it('finds the definition and every reference of a backend, map values included', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const at = positionOfText(ex.cfgText, 'bk_default)]', 2);
    const refs = await h.request<Location[]>('textDocument/references', { textDocument: { uri: ex.ws.cfgUri }, position: positionOfText(ex.cfgText, 'backend application-02-on-prem', 10), context: { includeDeclaration: true } });
    expect(refs.map((r) => [r.uri === ex.ws.mapUri ? 'map' : 'cfg', r.range.start.line])).toEqual([['map', 4], ['map', 7], ['cfg', 42]]);
    const defs = await h.request<Location[]>('textDocument/definition', { textDocument: { uri: ex.ws.cfgUri }, position: at });
    expect(defs.map((d) => d.range.start.line)).toEqual([64]);
  });

  it('jumps from a map path to the map file it resolves to and links it', async () => {
    const ex = await openExample();
    h = ex.h;
    const at = positionOfText(ex.cfgText, '/etc/haproxy/domain2backend.map,', 3);
    const defs = await h.request<Location[]>('textDocument/definition', { textDocument: { uri: ex.ws.cfgUri }, position: at });
    expect(defs.map((d) => d.uri)).toEqual([ex.ws.mapUri]);
    const links = await h.request<{ target: string; range: Range }[]>('textDocument/documentLink', { textDocument: { uri: ex.ws.cfgUri } });
    expect(links.map((l) => [l.target, l.range.start.line])).toEqual([[ex.ws.mapUri, 32]]);
  });

  it('renames an ACL and its uses in conditions', async () => {
    const cfg = 'frontend f\n    bind :80\n    acl is_api path_beg /api\n    use_backend b if is_api !is_api\n    default_backend b\nbackend b\n    server s 10.0.0.1:80\n';
    const ex = await openExample({ cfg });
    h = ex.h;
    const edit = await h.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: ex.ws.cfgUri }, position: positionOfText(cfg, 'is_api path', 2), newName: 'api' });
    expect(applyEdits(cfg, edit.changes[ex.ws.cfgUri] ?? [])).toContain('acl api path_beg /api\n    use_backend b if api !api\n');
  });
});
