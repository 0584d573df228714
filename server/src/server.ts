/*
 * Capabilities and handler wiring of the language server. No logic here:
 * features/ turns engine results into LSP types.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from './document-cache';
import { clientSupport, serverCapabilities, type ClientSupport } from './features/capabilities';
import { pullDiagnostics } from './features/diagnostics';
import { prepareMapDiagnostics } from './features/map-analysis';
import { workspaceDiagnostics } from './features/workspace-diagnostics';
import { DocumentSync } from './features/document-sync';
import { guard, guardEvent } from './features/guard';
import { changeFolders, folderPaths, indexWorkspace, readTrust, watchFiles } from './features/initialize';
import { Project } from './features/project';
import { registerLanguageFeatures } from './features/register';
import { registerRampRequests } from './features/ramp-requests';
import { DidChangeTrustNotification } from './protocol';
import { SettingsCache } from './settings';

/** Wires every feature onto `connection` (a process connection or an in-memory test pair). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport | undefined;
  // Only for clients that cannot answer workspace/configuration.
  let pushedSettings: unknown;
  // After the client's shutdown request the server asks it nothing more (deferred work may still run).
  let shutDown = false;
  const settings = new SettingsCache((uri) =>
    support?.configuration && !shutDown ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'haproxy' }) : Promise.resolve(pushedSettings),
  );
  const project = new Project(documents, new DocumentCache(documents), settings);
  let sync: DocumentSync | undefined;
  let folders: string[] = [];

  connection.onInitialize((params) => {
    support = clientSupport(params.capabilities);
    project.trusted = readTrust(params.initializationOptions);
    folders = folderPaths(params);
    project.setFolders(folders);
    sync = new DocumentSync(connection, project, support.pullDiagnostics ? 'pull' : 'push', support.diagnosticRefresh);
    sync.register((pushed) => {
      pushedSettings = pushed;
    });
    return { capabilities: serverCapabilities(support), serverInfo: { name: 'haproxy-migration' } };
  });
  connection.onInitialized(guardEvent(connection, 'initialized', async () => {
    indexWorkspace(project, folders);
    if (support?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guardEvent(connection, 'didChangeWorkspaceFolders', async (e) => {
        folders = changeFolders(project, folders, e);
        await sync?.everythingChanged();
      }));
    }
    if (support?.watchedFilesRegistration) {
      await watchFiles(connection);
    }
  }));
  connection.onNotification(DidChangeTrustNotification, guardEvent(connection, 'didChangeTrust', async (p) => {
    project.trusted = p.trusted;
    await sync?.everythingChanged();
  }));
  connection.onShutdown(() => {
    shutDown = true;
    sync?.stop();
  });
  connection.languages.diagnostics.on(guard(connection, 'diagnostics', { kind: 'full' as const, items: [] }, async (p, token) => {
    const view = await project.view(p.textDocument.uri);
    await prepareMapDiagnostics(view, () => !token.isCancellationRequested);
    if (token.isCancellationRequested) {
      // Answered RequestCancelled by the guard: the client pulls the newer version.
      return { kind: 'full' as const, items: [] };
    }
    return pullDiagnostics(view, p.previousResultId);
  }));
  connection.languages.diagnostics.onWorkspace(guard(connection, 'workspaceDiagnostics', { items: [] }, async (p, token) => {
    await sync?.workspacePull();
    return workspaceDiagnostics(project, p.previousResultIds, token);
  }));
  registerLanguageFeatures(connection, project);
  registerRampRequests(connection, project);
  documents.listen(connection);
}
