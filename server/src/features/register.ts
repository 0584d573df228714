/* One line per language feature: LSP request → features/ function over the project's analyses. */
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import { SimulateRequest } from '../protocol';
import { provideCodeActions } from './code-actions';
import { provideCodeLenses } from './code-lens';
import { provideCompletion } from './completion';
import { provideDocumentSymbols, provideFoldingRanges } from './document-symbols';
import { handleSimulate } from './engine-requests';
import { guard } from './guard';
import { provideHover } from './hover';
import { provideDefinition, provideDocumentLinks, providePrepareRename, provideReferences, provideRename } from './navigation';
import type { DocumentView, Project } from './project';
import { provideSemanticTokens } from './semantic-tokens';

type WithDoc = { readonly textDocument: { readonly uri: string } };

/** Registers the language features (hover, navigation, completion, …) on `connection`. */
export function registerLanguageFeatures(connection: Connection, project: Project): void {
  /** A guarded handler that receives the document's view (or answers `fallback` without one). */
  const on = <P extends WithDoc, R>(name: string, fallback: R, run: (v: DocumentView, p: P) => R | Promise<R>): ((p: P, t: CancellationToken) => Promise<R | ResponseError<never>>) =>
    guard(connection, name, fallback, async (p: P) => {
      const v = await project.view(p.textDocument.uri);
      return v ? run(v, p) : fallback;
    });
  connection.onHover(on('hover', null, (v, p) => provideHover(v, p.position)));
  connection.onCodeLens(on('codeLens', [], (v) => provideCodeLenses(v)));
  connection.onDefinition(on('definition', [], (v, p) => provideDefinition(project, v, p.position)));
  connection.onReferences(on('references', [], (v, p) => provideReferences(project, v, p.position, p.context.includeDeclaration)));
  connection.onPrepareRename(on('prepareRename', null, (v, p) => providePrepareRename(project, v, p.position)));
  connection.onRenameRequest(on('rename', null, (v, p) => provideRename(project, v, p.position, p.newName)));
  connection.onDocumentLinks(on('documentLinks', [], (v) => provideDocumentLinks(v)));
  connection.onDocumentSymbol(on('documentSymbol', [], (v) => provideDocumentSymbols(v)));
  connection.onFoldingRanges(on('foldingRanges', [], (v) => provideFoldingRanges(v)));
  connection.onCompletion(on('completion', [], (v, p) => provideCompletion(v, p.position)));
  connection.languages.semanticTokens.on(on('semanticTokens', { data: [] }, (v) => provideSemanticTokens(v)));
  connection.onCodeAction(on('codeAction', [], (v, p) => provideCodeActions(v, p.context.diagnostics)));
  connection.onRequest(SimulateRequest, guard(connection, 'simulate', { url: '', routes: [], markdown: '' }, (p) => handleSimulate(project, p)));
}
