/*
 * Capabilities and handler wiring of the language server. No logic here:
 * features/ turns engine results into LSP types.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './document-cache';
import { publishDiagnostics } from './features/diagnostics';

/** Wires every feature onto `connection` (a real process connection or an in-memory test pair). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DocumentCache(documents);

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
    },
    serverInfo: { name: 'haproxy-migration' },
  }));

  process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e.stack ?? e.message}`));

  documents.onDidChangeContent((e) => publishDiagnostics(connection, cache, e.document.uri));
  documents.onDidClose((e) => {
    cache.drop(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.listen(connection);
}
