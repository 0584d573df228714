import { Range, Uri, window, workspace, WorkspaceEdit, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RampCommitRequest, RampPlanRequest, type RampPlanParams } from '../../../server/src/ramp-protocol';

/** The whole text of `doc` as a range. */
function fullRange(doc: TextDocument): Range {
  return new Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
}

/**
 * Asks the server for a plan, shows it in the refactor preview (the edit
 * needs confirmation), saves the file, then lets the server update the
 * running HAProxy and the journal. A refused commit puts the file back.
 */
export async function planPreviewApply(client: LanguageClient, params: RampPlanParams): Promise<void> {
  const plan = await client.sendRequest(RampPlanRequest, params);
  if (plan.refused || !plan.commit) {
    void window.showErrorMessage(`HAProxy: ${plan.refused ?? 'nothing to apply'}`);
    return;
  }
  const uri = Uri.parse(params.uri);
  const edit = new WorkspaceEdit();
  const label = { label: plan.summary.split('\n')[0] ?? 'Ramp step', description: plan.summary, needsConfirmation: true };
  for (const e of plan.edits) {
    const range = new Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
    edit.replace(uri, range, e.newText, label);
  }
  if (!(await workspace.applyEdit(edit, { isRefactoring: true }))) {
    void window.showWarningMessage('HAProxy: the ramp step was not applied; nothing was recorded');
    return;
  }
  const doc = await workspace.openTextDocument(uri);
  if (doc.getText() === plan.commit.before) {
    // The refactor preview opens with changes unticked: applying it as is changes nothing.
    void window.showWarningMessage('HAProxy: no change was applied (tick the changes in the preview to apply them); nothing was recorded');
    return;
  }
  if (doc.getText() !== plan.commit.after) {
    // The preview was cancelled or only part of it was accepted: nothing is recorded.
    void window.showWarningMessage('HAProxy: the change was not applied as planned; nothing was recorded');
    return;
  }
  await doc.save();
  const result = await client.sendRequest(RampCommitRequest, plan.commit);
  if (!result.ok) {
    const revert = new WorkspaceEdit();
    revert.replace(uri, fullRange(doc), plan.commit.before);
    await workspace.applyEdit(revert);
    await doc.save();
    void window.showErrorMessage(`HAProxy: ${result.refused ?? 'refused'}\n${result.log.join('\n')}`);
    return;
  }
  void window.showInformationMessage(`HAProxy: ${label.label}. ${result.log.filter((l) => !l.startsWith('journal')).join(' ')}`.trim());
}
