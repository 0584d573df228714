import { window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReplicationPlanRequest } from '../../../server/src/ramp-protocol';

/** "HAProxy: Render Replication Plan": the GOReplay ramp script for the map line at the cursor, in a new editor. */
export async function runRenderReplicationPlan(client: LanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'haproxy-map') {
    void window.showErrorMessage('HAProxy: put the cursor on a line of a map file');
    return;
  }
  const result = await client.sendRequest(ReplicationPlanRequest, { uri: editor.document.uri.toString(), line: editor.selection.active.line + 1 });
  if (result.script === undefined) {
    void window.showErrorMessage(`HAProxy: ${result.refused ?? 'no plan'}`);
    return;
  }
  const doc = await workspace.openTextDocument({ language: 'shellscript', content: result.script });
  await window.showTextDocument(doc, { preview: false });
}
