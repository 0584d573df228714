/*
 * `workspace/diagnostic`: the diagnostics of the workspace's configs that
 * are not open, and of the map files configs use that are not open, so the
 * Problems panel lists a whole repository without opening a file. Open
 * documents are left to `textDocument/diagnostic`, which reads their buffers.
 */
import type { CancellationToken, PreviousResultId, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { pathToUri } from '../document-cache';
import { diagnosticsResultId, provideDiagnostics } from './diagnostics';
import { prepareMapDiagnostics } from './map-analysis';
import type { Project } from './project';

/** The result id of an empty report sent for a file that left the workspace's set: sent once, then the file is skipped. */
export const CLEARED_RESULT_ID = 'cleared';

/**
 * One report per closed config and closed map file. A file whose diagnostics
 * have not changed since `previous` is reported `unchanged`; a file reported
 * before that is no longer in the set (config deleted, map no longer used,
 * document opened) gets one empty report.
 */
export async function workspaceDiagnostics(project: Project, previous: readonly PreviousResultId[], token?: CancellationToken): Promise<WorkspaceDiagnosticReport> {
  const before = new Map(previous.map((p) => [p.uri, p.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  const reported = new Set<string>();
  for (const uri of await closedFiles(project)) {
    // Messages that arrived meanwhile (an edit, a hover) are handled between two files, not after the whole workspace.
    await new Promise((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested || project.documents.get(uri)) {
      continue;
    }
    const view = await project.view(uri);
    await prepareMapDiagnostics(view, () => !token?.isCancellationRequested);
    if (!view || token?.isCancellationRequested) {
      continue;
    }
    reported.add(uri);
    const resultId = diagnosticsResultId(view);
    items.push(before.get(uri) === resultId ? { kind: 'unchanged', uri, version: null, resultId } : { kind: 'full', uri, version: null, resultId, items: provideDiagnostics(view) });
  }
  for (const [uri, value] of before) {
    if (!reported.has(uri) && value !== CLEARED_RESULT_ID) {
      items.push({ kind: 'full', uri, version: null, resultId: CLEARED_RESULT_ID, items: [] });
    }
  }
  return { items };
}

/** Workspace configs that are not open, then the map files any known config uses that are not open. */
async function closedFiles(project: Project): Promise<string[]> {
  const out = new Set<string>();
  for (const uri of project.cache.workspaceConfigUris()) {
    if (!project.documents.get(uri)) {
      out.add(uri);
    }
  }
  for (const uri of project.cache.configUris()) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const m of (await project.config(uri))?.loaded.maps.values() ?? []) {
      const mapUri = m.resolvedPath === undefined ? undefined : pathToUri(m.resolvedPath);
      if (mapUri && !project.documents.get(mapUri)) {
        out.add(mapUri);
      }
    }
  }
  return [...out];
}
