/* One line per language feature: LSP request → features/ function over the project's analyses. */
import type { Connection } from 'vscode-languageserver';
import { SimulateRequest } from '../protocol';
import { handleSimulate } from './engine-requests';
import { guard } from './guard';
import { provideHover } from './hover';
import type { Project } from './project';

/** Registers the language features (hover, navigation, completion, …) on `connection`. */
export function registerLanguageFeatures(connection: Connection, project: Project): void {
  const view = (uri: string) => project.view(uri);
  connection.onHover(guard(connection, 'hover', null, async (p) => {
    const v = await view(p.textDocument.uri);
    return v ? provideHover(v, p.position) : null;
  }));
  connection.onRequest(SimulateRequest, guard(connection, 'simulate', { url: '', routes: [], markdown: '' }, (p) => handleSimulate(project, p)));
}
