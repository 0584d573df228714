import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { planPreviewApply } from './ramp-apply-edit';

/** "HAProxy: Promote Map Line": repoints the map line at the cursor to the next backend of its chain. */
export async function runPromoteMapLine(client: LanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'haproxy-map') {
    void window.showErrorMessage('HAProxy: put the cursor on a line of a map file');
    return;
  }
  await planPreviewApply(client, { uri: editor.document.uri.toString(), action: 'promote', line: editor.selection.active.line + 1 });
}
