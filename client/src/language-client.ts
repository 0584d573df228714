import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS, type InitializationOptions } from '../../server/src/protocol';

/** Client id `haproxy`: the `haproxy.trace.server` setting then works with no extra code. */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/main.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'haproxy' },
      { scheme: 'file', language: 'haproxy-map' },
      { scheme: 'untitled', language: 'haproxy' },
      { scheme: 'untitled', language: 'haproxy-map' },
    ],
    initializationOptions,
  };
  return new LanguageClient('haproxy', 'HAProxy Migration', serverOptions, clientOptions);
}
