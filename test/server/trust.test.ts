import { afterEach, describe, expect, it } from 'vitest';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/document-cache';
import { readTrust } from '../../server/src/features/initialize';
import { Project } from '../../server/src/features/project';
import { SettingsCache } from '../../server/src/settings';
import { copyExample } from '../helpers/example-workspace';
import { LspHarness } from '../helpers/lsp-harness';

let h: LspHarness | undefined;
afterEach(() => h?.dispose());

describe('workspace trust', () => {
  it('treats a client that says nothing about trust as trusted, and VS Code restricted mode as untrusted', () => {
    expect(readTrust(undefined)).toBe(true);
    expect(readTrust({ trusted: false })).toBe(false);
  });

  it('keeps the binary path and socket at their defaults while the workspace is untrusted', async () => {
    const documents = new TextDocuments(TextDocument);
    const project = new Project(documents, new DocumentCache(documents), new SettingsCache(async () => ({ haproxyPath: '/opt/haproxy', runtime: { socket: '/run/h.sock' }, version: '3.0' })));
    project.trusted = false;
    const restricted = await project.settings('file:///w/haproxy.cfg');
    expect([restricted.haproxyPath, restricted.runtime.socket, restricted.version]).toEqual(['haproxy', '', '3.0']);
    project.trusted = true;
    const trusted = await project.settings('file:///w/haproxy.cfg');
    expect([trusted.haproxyPath, trusted.runtime.socket]).toEqual(['/opt/haproxy', '/run/h.sock']);
  });

  it('re-checks open documents when the client grants trust', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir], initializationOptions: { trusted: false } });
    const ready = h.nextDiagnostics(ws.cfgUri);
    await h.open(ws.cfgUri, ws.cfgText);
    const first = await ready;
    const again = h.nextDiagnostics(ws.cfgUri);
    await h.client.sendNotification('haproxy/didChangeTrust', { trusted: true });
    expect(await again).toEqual(first);
  });
});
