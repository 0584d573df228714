/*
 * Parse once per version. Configs are analysed once per (text version,
 * engine options, versions of the files they read); map files are parsed
 * once per (path, buffer version or disk read), so a map shared by several
 * configs is parsed once. A reverse index map path → configs tells which
 * analyses a map edit invalidates. Open buffers win over the disk.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfigFile, analyzeMapFiles, buildMapModel, LineTemplateCache, loadConfig, sameMapInputs, type EngineOptions, type Issue, type LoadedConfig, type MapFile } from './engine';

/** One analysed config (an open buffer or a workspace file on disk). */
export interface AnalyzedDocument {
  readonly uri: string;
  readonly path: string;
  /** Buffer version; undefined when the text came from the disk. */
  readonly version: number | undefined;
  readonly loaded: LoadedConfig;
  /** Every issue, on the config and on the map files it uses (see Issue.file). Computed on first use. */
  readonly issues: readonly Issue[];
  /** The issues located in the config itself, without running the map-only checks when `issues` was not needed yet. */
  readonly configIssues: readonly Issue[];
  /** Every path the analysis tried to read, found or not (map candidates). */
  readonly dependencies: readonly string[];
}

/** Reads a file from the disk; undefined when it does not exist or cannot be read. */
export type DiskReader = (path: string) => string | undefined;

const readDisk: DiskReader = (p) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(p: string): string {
  return p.includes(':') && !p.startsWith('/') && !/^[A-Za-z]:/.test(p) ? p : pathToFileURL(p).toString();
}

/** Whether a document holds a config or a map file, by language id, else by extension. */
export function documentKind(uri: string, languageId?: string): 'config' | 'map' {
  if (languageId === 'haproxy-map') {
    return 'map';
  }
  if (languageId === 'haproxy') {
    return 'config';
  }
  return uri.endsWith('.map') ? 'map' : 'config';
}

/**
 * An analysed document whose issues are computed when first read: the
 * config's own, then those in its map files (`mapIssues` may reuse them).
 */
function lazyAnalysis(base: Omit<AnalyzedDocument, 'issues' | 'configIssues'>, mapIssues: () => readonly Issue[]): AnalyzedDocument {
  let all: readonly Issue[] | undefined;
  let own: readonly Issue[] | undefined;
  return {
    ...base,
    get issues(): readonly Issue[] {
      all ??= [...this.configIssues, ...mapIssues()];
      return all;
    },
    get configIssues(): readonly Issue[] {
      own ??= analyzeConfigFile(base.loaded);
      return own;
    },
  };
}

/** The map-file issues of a config's last analysis that computed them, and what they were computed from. */
interface MapShare {
  readonly optionsKey: string;
  readonly loaded: LoadedConfig;
  readonly issues: readonly Issue[];
}

interface ConfigEntry {
  readonly key: string;
  readonly analyzed: AnalyzedDocument;
}

export class DocumentCache {
  private readonly configs = new Map<string, ConfigEntry>();
  private readonly maps = new Map<string, { readonly stamp: string; readonly text: string; readonly map: MapFile }>();
  private readonly disk = new Map<string, string | undefined>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly dependencies = new Map<string, readonly string[]>();
  private readonly workspaceConfigs = new Set<string>();
  /** Per config: line templates of its last build, so an edit re-tokenizes only changed lines. */
  private readonly lineCaches = new Map<string, LineTemplateCache>();
  /** Per config: its map-file issues, reused by the next version while their inputs are the same (typing in a backend). */
  private readonly mapShares = new Map<string, MapShare>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly read: DiskReader = readDisk,
  ) {}

  /** The analysis of config `uri` under `options`; undefined when its text cannot be read. */
  analyze(uri: string, options: EngineOptions): AnalyzedDocument | undefined {
    const open = this.documents.get(uri);
    const key = `${open ? open.version : 'disk'}|${JSON.stringify(options)}`;
    const hit = this.configs.get(uri);
    if (hit && hit.key === key) {
      return hit.analyzed;
    }
    const path = uriToPath(uri);
    const text = open ? open.getText() : this.diskText(path);
    if (text === undefined) {
      return undefined;
    }
    const tried: string[] = [];
    const source = { read: (p: string) => (tried.push(p), this.text(p)) };
    const lines = this.lineCaches.get(uri) ?? new LineTemplateCache();
    this.lineCaches.set(uri, lines);
    const loaded = loadConfig(text, path, source, options, { parsedMap: (p, t) => this.parsedMap(p, t), lines });
    const optionsKey = JSON.stringify(options);
    const analyzed = lazyAnalysis({ uri, path, version: open?.version, loaded, dependencies: tried }, () => this.mapShare(uri, optionsKey, loaded));
    this.unindex(uri);
    this.dependencies.set(uri, tried);
    for (const p of tried) {
      const set = this.dependents.get(p) ?? new Set<string>();
      set.add(uri);
      this.dependents.set(p, set);
    }
    this.configs.set(uri, { key, analyzed });
    return analyzed;
  }

  private mapShare(uri: string, optionsKey: string, loaded: LoadedConfig): readonly Issue[] {
    const last = this.mapShares.get(uri);
    const issues = last && last.optionsKey === optionsKey && sameMapInputs(last.loaded, loaded) ? last.issues : analyzeMapFiles(loaded);
    this.mapShares.set(uri, { optionsKey, loaded, issues });
    return issues;
  }

  /** The last analysis of `uri`, whatever its options; undefined when never analysed. */
  peek(uri: string): AnalyzedDocument | undefined {
    return this.configs.get(uri)?.analyzed;
  }

  /** The parsed map file at `path` (buffer first, then disk), or undefined when unreadable. */
  mapFile(path: string): MapFile | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : this.parsedMap(path, text);
  }

  /** Configs whose last analysis read (or looked for) `path`. */
  dependentsOf(path: string): string[] {
    return [...(this.dependents.get(path) ?? [])];
  }

  /**
   * `path` changed (buffer edit, open/close, watched file event): forgets its
   * cached text and parse and every analysis that read it. Returns the uris of
   * those configs.
   */
  fileChanged(path: string): string[] {
    this.disk.delete(path);
    this.maps.delete(path);
    const affected = this.dependentsOf(path);
    for (const uri of affected) {
      this.configs.delete(uri);
    }
    const self = pathToUri(path);
    if (this.configs.delete(self)) {
      affected.push(self);
    }
    return affected;
  }

  /** Forgets the analysis of a closed document (a workspace config keeps its index entry). */
  drop(uri: string): void {
    this.configs.delete(uri);
    this.lineCaches.delete(uri);
    this.mapShares.delete(uri);
    this.disk.delete(uriToPath(uri));
    this.maps.delete(uriToPath(uri));
    if (!this.workspaceConfigs.has(uri)) {
      this.unindex(uri);
    }
  }

  /** Forgets everything cached (settings changed). The workspace config list is kept. */
  clear(): void {
    this.configs.clear();
    this.maps.clear();
    this.disk.clear();
    this.mapShares.clear();
  }

  addWorkspaceConfig(uri: string): void {
    this.workspaceConfigs.add(uri);
  }

  removeWorkspaceConfig(uri: string): void {
    this.workspaceConfigs.delete(uri);
    if (!this.documents.get(uri)) {
      this.configs.delete(uri);
      this.mapShares.delete(uri);
      this.unindex(uri);
    }
  }

  /** Config files found in the workspace (open or not). */
  workspaceConfigUris(): string[] {
    return [...this.workspaceConfigs];
  }

  /** Open config buffers and config files found in the workspace. */
  configUris(): string[] {
    const open = this.documents.all().filter((d) => documentKind(d.uri, d.languageId) === 'config').map((d) => d.uri);
    return [...new Set([...open, ...this.workspaceConfigs])];
  }

  private unindex(uri: string): void {
    for (const p of this.dependencies.get(uri) ?? []) {
      this.dependents.get(p)?.delete(uri);
    }
    this.dependencies.delete(uri);
  }

  private text(path: string): string | undefined {
    const open = this.documents.get(pathToUri(path));
    return open ? open.getText() : this.diskText(path);
  }

  private diskText(path: string): string | undefined {
    if (!this.disk.has(path)) {
      this.disk.set(path, this.read(path));
    }
    return this.disk.get(path);
  }

  private parsedMap(path: string, text: string): MapFile {
    const open = this.documents.get(pathToUri(path));
    const stamp = open ? `v${open.version}` : 'disk';
    const hit = this.maps.get(path);
    if (hit && hit.stamp === stamp && hit.text === text) {
      return hit.map;
    }
    const map = buildMapModel(text, path);
    this.maps.set(path, { stamp, text, map });
    return map;
  }
}
