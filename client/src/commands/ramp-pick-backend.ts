import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RampBackendsRequest } from '../../../server/src/ramp-protocol';

/** The active HAProxy config editor's uri and cursor offset, or undefined. */
export function activeConfig(): { uri: string; offset: number } | undefined {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'haproxy') {
    return undefined;
  }
  return { uri: editor.document.uri.toString(), offset: editor.document.offsetAt(editor.selection.active) };
}

/** Quick pick of the ramp-able backends, the one at the cursor first; undefined when cancelled. */
export async function pickRampBackend(client: LanguageClient, uri: string, offset: number): Promise<string | undefined> {
  const { backends } = await client.sendRequest(RampBackendsRequest, { uri, offset });
  if (backends.length === 0) {
    void window.showErrorMessage('HAProxy: no backend here has both source and target (cloud) servers');
    return undefined;
  }
  const picked = await window.showQuickPick(
    backends.map((b) => ({ label: b.name, description: b.label, detail: b.atCursor ? 'at the cursor' : undefined })),
    { placeHolder: 'Backend to ramp' },
  );
  return picked?.label;
}
