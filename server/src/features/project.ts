/*
 * What every feature reads: analyses from the document cache under the
 * settings of each resource, and the config ↔ map relationships across the
 * workspace (open buffers and config files found on disk).
 */
import * as path from 'node:path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind, uriToPath, type AnalyzedDocument, type DocumentCache } from '../document-cache';
import type { EngineOptions, MapFile, MapReference } from '../engine';
import { restrictSettings, toEngineOptions, type Settings, type SettingsCache } from '../settings';

/** One config that uses a map file, with the references naming it. */
export interface MapUse {
  readonly doc: AnalyzedDocument;
  /** The path as written in that config. */
  readonly writtenPath: string;
  readonly refs: readonly MapReference[];
}

export interface ConfigView {
  readonly kind: 'config';
  readonly uri: string;
  readonly doc: AnalyzedDocument;
  readonly settings: Settings;
}

export interface MapView {
  readonly kind: 'map';
  readonly uri: string;
  readonly path: string;
  /** The parsed map (from the buffer when open); undefined when unreadable. */
  readonly map: MapFile | undefined;
  /** Every known config that loads this file. */
  readonly uses: readonly MapUse[];
  readonly settings: Settings;
}

export type DocumentView = ConfigView | MapView;

export class Project {
  /** Whether the workspace is trusted; restricted settings are ignored until it is. */
  trusted = false;
  /** Workspace folder paths, longest first so the innermost folder wins. */
  private folders: string[] = [];

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    readonly cache: DocumentCache,
    readonly settingsCache: SettingsCache,
  ) {}

  setFolders(folders: readonly string[]): void {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
  }

  /** The workspace folder holding `uri`, if any. */
  folderOf(uri: string): string | undefined {
    const p = uriToPath(uri);
    return this.folders.find((f) => p === f || p.startsWith(f + path.sep));
  }

  async settings(uri: string): Promise<Settings> {
    return restrictSettings(await this.settingsCache.get(uri), this.trusted);
  }

  async options(uri: string): Promise<EngineOptions> {
    return toEngineOptions(await this.settings(uri), this.folderOf(uri));
  }

  /** The analysis of config `uri` (open buffer or disk). */
  async config(uri: string): Promise<AnalyzedDocument | undefined> {
    return this.cache.analyze(uri, await this.options(uri));
  }

  kindOf(uri: string): 'config' | 'map' {
    return documentKind(uri, this.documents.get(uri)?.languageId);
  }

  /** Config or map view of `uri`; undefined when the text cannot be read. */
  async view(uri: string): Promise<DocumentView | undefined> {
    const settings = await this.settings(uri);
    if (this.kindOf(uri) === 'config') {
      const doc = await this.config(uri);
      return doc && { kind: 'config', uri, doc, settings };
    }
    const p = uriToPath(uri);
    return { kind: 'map', uri, path: p, map: this.cache.mapFile(p), uses: await this.mapUses(p), settings };
  }

  /** Every known config that resolves a map reference to `mapPath`. */
  async mapUses(mapPath: string): Promise<MapUse[]> {
    const uses: MapUse[] = [];
    for (const doc of await this.allConfigs()) {
      for (const [written, resolved] of doc.loaded.maps) {
        if (resolved.resolvedPath === mapPath) {
          uses.push({ doc, writtenPath: written, refs: doc.loaded.config.mapReferences.filter((r) => r.path === written) });
        }
      }
    }
    return uses;
  }

  /** Analyses of every open and workspace config. */
  async allConfigs(): Promise<AnalyzedDocument[]> {
    const out: AnalyzedDocument[] = [];
    for (const uri of this.cache.configUris()) {
      const doc = await this.config(uri);
      if (doc) {
        out.push(doc);
      }
    }
    return out;
  }
}
