/* VS Code entry: starts the language client. Commands live in commands/. */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerRampCommands } from './commands/ramp-commands';
import { createLanguageClient } from './language-client';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  await client.start();
  registerRampCommands(context, client);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
