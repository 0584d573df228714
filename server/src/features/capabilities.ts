import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { SEMANTIC_TOKENS_LEGEND } from './semantic-tokens';

/** What the client can do that changes how the server behaves. */
export interface ClientSupport {
  /** Pull diagnostics (`textDocument/diagnostic`); otherwise they are pushed. */
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  /** `workspace/configuration`; otherwise settings come from didChangeConfiguration. */
  readonly configuration: boolean;
  readonly watchedFilesRegistration: boolean;
  /** The client sends workspace folder changes. */
  readonly workspaceFolders: boolean;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
  };
}

/** The server's capabilities for a client with `support`. */
export function serverCapabilities(support: ClientSupport): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    diagnosticProvider: support.pullDiagnostics ? { identifier: 'haproxy', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
    hoverProvider: true,
    codeLensProvider: { resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentLinkProvider: { resolveProvider: false },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    completionProvider: { triggerCharacters: ['[', ',', ' ', '('] },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
