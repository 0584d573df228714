/*
 * The bundled server as any editor runs it: `node <SERVER_NODE_OPTIONS>
 * server/out/main.js --stdio`, spoken to by a plain LSP client over the
 * child's pipes.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { copyExample } from '../helpers/example-workspace';
import { fileUri } from '../helpers/lsp-harness';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol';

const ROOT = path.resolve(__dirname, '../..');
let child: ChildProcessWithoutNullStreams | undefined;
let client: ProtocolConnection | undefined;

beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
});

afterAll(() => {
  client?.dispose();
  child?.kill();
});

describe('bundled server over --stdio', () => {
  it('initializes and publishes diagnostics for an opened config', async () => {
    const ws = copyExample();
    child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, path.join(ROOT, 'server/out/main.js'), '--stdio'], { cwd: ws.dir });
    const c = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    client = c;
    const uri = fileUri(path.join(ws.dir, 'haproxy.cfg'));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri) {
          resolve(p);
        }
      });
    });
    c.listen();
    const init = await c.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(ws.dir), capabilities: {}, workspaceFolders: [{ uri: fileUri(ws.dir), name: 'ws' }] });
    expect((init as { serverInfo?: { name: string } }).serverInfo?.name).toBe('haproxy-migration');
    await c.sendNotification('initialized', {});
    const text = ws.cfgText.replace('    bind :8001', '    bind :8001\n    bogus-keyword on');
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'haproxy', version: 1, text } });
    const p = await published;
    expect(p.diagnostics.filter((d) => d.code === 'directive/unknown').map((d) => d.range.start.line)).toEqual([23]);
    await c.sendRequest('shutdown');
  });
});
