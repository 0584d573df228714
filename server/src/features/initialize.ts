import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, type Connection, type InitializeParams, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
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

/**
 * Workspace folders were added or removed: indexes the configs of new
 * folders, forgets those of removed ones, and returns the new folder list.
 */
export function changeFolders(project: Project, folders: readonly string[], event: WorkspaceFoldersChangeEvent): string[] {
  const removed = event.removed.map((f) => uriToPath(f.uri));
  const added = event.added.map((f) => uriToPath(f.uri));
  for (const uri of project.cache.workspaceConfigUris()) {
    const p = uriToPath(uri);
    if (removed.some((r) => p.startsWith(r + path.sep))) {
      project.cache.removeWorkspaceConfig(uri);
    }
  }
  indexWorkspace(project, added);
  const next = [...folders.filter((f) => !removed.includes(f)), ...added];
  project.setFolders(next);
  return next;
}
