import { DidChangeWatchedFilesNotification, type Connection, type InitializeParams } from 'vscode-languageserver';
import { pathToUri, uriToPath } from '../document-cache';
import type { InitializationOptions } from '../protocol';
import type { Project } from './project';
import { findConfigFiles } from './workspace-scan';

/** Workspace folder paths from `initialize` (folders first, then the legacy root). */
export function folderPaths(params: InitializeParams): string[] {
  const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [];
  if (folders.length === 0 && params.rootUri) {
    folders.push(uriToPath(params.rootUri));
  }
  return folders;
}

/**
 * Trust from `initializationOptions`. Clients without a notion of workspace
 * trust (Neovim, other editors) send nothing: the user started the server
 * on purpose, so the workspace counts as trusted.
 */
export function readTrust(options: unknown): boolean {
  const trusted = (options as Partial<InitializationOptions> | null | undefined)?.trusted;
  return typeof trusted === 'boolean' ? trusted : true;
}

/** Finds the workspace's config files so map files know which configs use them. */
export function indexWorkspace(project: Project, folders: readonly string[]): void {
  for (const folder of folders) {
    for (const p of findConfigFiles(folder)) {
      project.cache.addWorkspaceConfig(pathToUri(p));
    }
  }
}

/** Asks the client to watch config and map files (when it supports dynamic registration). */
export async function watchFiles(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: '**/*.map' }, { globPattern: '**/*.cfg' }],
  });
}
