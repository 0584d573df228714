/* Process entry of the language server: `node server/out/main.js --stdio | --node-ipc | --socket=N`. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e.stack ?? e.message}`));
startServer(connection);
connection.listen();
