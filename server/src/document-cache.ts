import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeLoaded, DEFAULT_ENGINE_OPTIONS, loadConfig, type EngineOptions, type Issue, type LoadedConfig, type MapSource } from './engine';

/** One analysed config document: parsed once per document version. */
export interface AnalyzedDocument {
  readonly uri: string;
  readonly version: number;
  readonly loaded: LoadedConfig;
  readonly issues: readonly Issue[];
}

/** uri + version → AnalyzedDocument. Open buffers win over the disk when reading map files. */
export class DocumentCache {
  private readonly entries = new Map<string, AnalyzedDocument>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly options: EngineOptions = DEFAULT_ENGINE_OPTIONS,
  ) {}

  get(uri: string): AnalyzedDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc) {
      return undefined;
    }
    const hit = this.entries.get(uri);
    if (hit && hit.version === doc.version) {
      return hit;
    }
    const loaded = loadConfig(doc.getText(), uriToPath(uri), this.source(), this.options);
    const analyzed: AnalyzedDocument = { uri, version: doc.version, loaded, issues: analyzeLoaded(loaded) };
    this.entries.set(uri, analyzed);
    return analyzed;
  }

  drop(uri: string): void {
    this.entries.delete(uri);
  }

  private source(): MapSource {
    return {
      read: (p: string) => {
        const open = this.documents.get(pathToFileURL(p).toString());
        if (open) {
          return open.getText();
        }
        try {
          return readFileSync(p, 'utf8');
        } catch {
          return undefined;
        }
      },
    };
  }
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}
