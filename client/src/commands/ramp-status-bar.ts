import { StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RampBackendsRequest } from '../../../server/src/ramp-protocol';
import { activeConfig } from './ramp-pick-backend';

/** A status bar item with the current ramp step of the backend at the cursor; hidden elsewhere. */
export function createRampStatusBar(client: LanguageClient): Disposable[] {
  const item: StatusBarItem = window.createStatusBarItem('haproxy.rampStep', StatusBarAlignment.Left, 50);
  item.name = 'HAProxy Ramp Step';
  item.command = 'haproxy.nextRampStep';
  let generation = 0;
  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    const active = activeConfig();
    if (!active) {
      item.hide();
      return;
    }
    const { backends } = await client.sendRequest(RampBackendsRequest, active);
    // A later cursor move already asked again: this answer is stale.
    if (mine !== generation) {
      return;
    }
    const here = backends.find((b) => b.atCursor);
    if (!here) {
      item.hide();
      return;
    }
    item.text = `$(cloud-upload) ${here.name}: ${here.label}`;
    item.tooltip = `Ramp of ${here.name}: targets receive ${here.percent}% of the traffic. Click for the next step.`;
    item.show();
  };
  const run = (): void => {
    refresh().catch(() => item.hide());
  };
  run();
  return [item, window.onDidChangeTextEditorSelection(run), window.onDidChangeActiveTextEditor(run)];
}
