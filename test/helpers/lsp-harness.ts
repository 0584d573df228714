/*
 * An in-process language server and a test-side LSP client, connected over
 * a pair of in-memory streams. The test side answers workspace/configuration
 * from a settings function and records published diagnostics.
 */
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../server/src/server';

type Position = { line: number; character: number };

/** Applies LSP text edits (on an LF text; edits must not overlap) as an editor would. */
export function applyLspEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

export interface HarnessOptions {
  /** Pull diagnostics instead of push. */
  readonly pull?: boolean;
  /** Answer for `workspace/configuration` section `haproxy` of a scope uri. */
  readonly settings?: (scopeUri: string | undefined) => unknown;
  readonly workspaceFolders?: readonly string[];
  readonly initializationOptions?: unknown;
}

interface Waiter {
  readonly uri: string;
  readonly predicate: (d: Diagnostic[]) => boolean;
  readonly resolve: (d: Diagnostic[]) => void;
}

export const fileUri = (p: string): string => pathToFileURL(p).toString();

export function capabilitiesFor(pull: boolean): ClientCapabilities {
  return {
    workspace: { configuration: true, workspaceFolders: true, diagnostics: pull ? { refreshSupport: true } : undefined, applyEdit: true },
    textDocument: {
      publishDiagnostics: { relatedInformation: true },
      diagnostic: pull ? { dynamicRegistration: false } : undefined,
      hover: { contentFormat: ['markdown', 'plaintext'] },
      rename: { prepareSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    },
  };
}

export class LspHarness {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  refreshRequests = 0;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly client: ProtocolConnection, private readonly streams: PassThrough[]) {}

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(server);
    server.listen();
    const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const h = new LspHarness(client, [up, down]);
    client.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) => p.items.map((i) => options.settings?.(i.scopeUri) ?? {}));
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('workspace/diagnostic/refresh', () => {
      h.refreshRequests++;
      return null;
    });
    client.onNotification('window/logMessage', (p: { message: string }) => h.logs.push(p.message));
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => h.onPublish(p));
    client.listen();
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: capabilitiesFor(options.pull === true),
      workspaceFolders: options.workspaceFolders?.map((f) => ({ uri: fileUri(f), name: f })) ?? null,
      initializationOptions: options.initializationOptions,
    });
    await client.sendNotification('initialized', {});
    return h;
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `predicate`. */
  nextDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  async open(uri: string, text: string, languageId = uri.endsWith('.map') ? 'haproxy-map' : 'haproxy'): Promise<void> {
    this.versions.set(uri, 1);
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text of an open document (a new version). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts the server down as an editor does (no `exit`: the server runs in this process), then closes the streams. */
  async dispose(): Promise<void> {
    try {
      await this.client.sendRequest('shutdown');
    } catch {
      // Already closed.
    }
    this.client.dispose();
    this.streams.forEach((s) => s.destroy());
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    this.published.set(p.uri, p);
    const ready = this.waiters.filter((w) => w.uri === p.uri && w.predicate(p.diagnostics));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    ready.forEach((w) => w.resolve(p.diagnostics));
  }
}
