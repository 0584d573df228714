import type { Connection } from 'vscode-languageserver';
import type { Project } from './project';

/** Registers the language features (hover, navigation, completion, …) on `connection`. */
export function registerLanguageFeatures(connection: Connection, project: Project): void {
  void connection;
  void project;
}
