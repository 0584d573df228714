/* VS Code entry: starts the language client and registers the commands (one file per command in commands/). */
import { commands, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DidChangeTrustNotification } from '../../server/src/protocol';
import { registerRampCommands } from './commands/ramp-commands';
import { runSimulateRoute } from './commands/simulate-route';
import { createLanguageClient } from './language-client';
import { RoutePanel } from './route-view/route-panel';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const started = createLanguageClient(context);
  client = started;
  await started.start();
  const routeView = new RoutePanel();
  context.subscriptions.push(
    routeView,
    commands.registerCommand('haproxy.simulateRoute', () => runSimulateRoute(started, routeView)),
    // Trust is granted without a restart; restricted settings apply from then on.
    workspace.onDidGrantWorkspaceTrust(() => void started.sendNotification(DidChangeTrustNotification, { trusted: true })),
  );
  registerRampCommands(context, started);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
