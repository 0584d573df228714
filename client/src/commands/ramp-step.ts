import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { planPreviewApply } from './ramp-apply-edit';
import { activeConfig, pickRampBackend } from './ramp-pick-backend';

/** "HAProxy: Next Ramp Step" / "Roll Back Ramp Step" / "Abort Ramp" on the active config. */
export async function runRampStep(client: LanguageClient, action: 'next' | 'rollback' | 'abort'): Promise<void> {
  const editor = window.activeTextEditor;
  if (action === 'rollback' && editor?.document.languageId === 'haproxy-map') {
    // On a map file the last promotion of the cursor's line is rolled back.
    await planPreviewApply(client, { uri: editor.document.uri.toString(), action, line: editor.selection.active.line + 1 });
    return;
  }
  const active = activeConfig();
  if (!active) {
    void window.showErrorMessage('HAProxy: open a haproxy.cfg first');
    return;
  }
  const backend = await pickRampBackend(client, active.uri, active.offset);
  if (backend !== undefined) {
    await planPreviewApply(client, { uri: active.uri, action, backend });
  }
}
