/*
 * Keeps analyses fresh and diagnostics current: buffer edits, open/close,
 * watched files, settings and trust changes. Push mode publishes the
 * affected open documents; pull mode asks the client to re-pull. In both
 * modes the map files used by open configs are published while they are
 * not open themselves: an unreachable map line shows up in the Problems
 * panel as soon as the config is edited, without opening the map. A client
 * that pulls the workspace (`workspace/diagnostic`) gets closed files that
 * way instead, and from its first such pull nothing more is pushed.
 */
import { FileChangeType, type Connection, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { pathToUri, uriToPath } from '../document-cache';
import { guardEvent } from './guard';
import { provideDiagnostics } from './diagnostics';
import { prepareMapDiagnostics } from './map-analysis';
import type { Project } from './project';
import { isConfigPath } from './workspace-scan';

export type DiagnosticsMode = 'push' | 'pull';

export class DocumentSync {
  /** Closed map files whose diagnostics were pushed, with what was sent last (to skip resending the same). */
  private readonly closedMaps = new Map<string, string>();
  private closedMapsScheduled = false;
  /** Counts the runs of publishClosedMaps: a run that a newer one overtook (it analyses maps a slice at a time) sends nothing more. */
  private closedMapsRun = 0;
  /** The same for each open document's publish: only the latest run of a document sends. */
  private readonly publishRuns = new Map<string, number>();
  /** Set by the client's shutdown request: deferred work must not talk to a client that is leaving. */
  private stopped = false;
  /** The client pulls closed files through `workspace/diagnostic`: pushing them too would list them twice. */
  private workspacePulled = false;

  constructor(
    private readonly connection: Connection,
    private readonly project: Project,
    private readonly mode: DiagnosticsMode,
    private readonly canRefresh: boolean,
  ) {}

  /** The client asked the server to shut down: no deferred publishing from now on. */
  stop(): void {
    this.stopped = true;
  }

  /** Subscribes to document, file and settings events; `onSettings` receives pushed settings. */
  register(onSettings: (settings: unknown) => void): void {
    const { documents } = this.project;
    documents.onDidChangeContent(guardEvent(this.connection, 'didChange', (e) => this.changed(uriToPath(e.document.uri))));
    documents.onDidClose(guardEvent(this.connection, 'didClose', (e) => this.closed(e.document.uri)));
    this.connection.onDidChangeWatchedFiles(guardEvent(this.connection, 'didChangeWatchedFiles', (p) => this.watched(p)));
    this.connection.onDidChangeConfiguration(guardEvent(this.connection, 'didChangeConfiguration', (p) => {
      onSettings((p.settings as { haproxy?: unknown } | null)?.haproxy);
      return this.everythingChanged();
    }));
  }

  /** The client sent `workspace/diagnostic`: clears the closed maps pushed so far and pushes none from now on. */
  async workspacePull(): Promise<void> {
    if (this.workspacePulled) {
      return;
    }
    this.workspacePulled = true;
    const pushed = [...this.closedMaps.keys()];
    this.closedMaps.clear();
    for (const uri of pushed) {
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** Settings or trust changed: forget every cached setting and analysis. */
  async everythingChanged(): Promise<void> {
    this.project.settingsCache.clear();
    this.project.cache.clear();
    await this.refresh(this.project.documents.all().map((d) => d.uri), undefined);
  }

  private async changed(path: string): Promise<void> {
    const uri = pathToUri(path);
    const affected = this.project.cache.fileChanged(path);
    const targets = new Set([uri, ...affected]);
    if ([...targets].some((u) => this.project.kindOf(u) === 'config')) {
      // A config edit can change what its maps report (converter, options).
      for (const d of this.project.documents.all()) {
        if (this.project.kindOf(d.uri) === 'map') {
          targets.add(d.uri);
        }
      }
    }
    await this.refresh([...targets], uri);
  }

  private async closed(uri: string): Promise<void> {
    this.publishRuns.delete(uri);
    this.project.settingsCache.drop(uri);
    this.project.cache.drop(uri);
    if (this.mode === 'push') {
      await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    // Without the buffer, the disk version is what other configs now read.
    await this.changed(uriToPath(uri));
  }

  private async watched(params: DidChangeWatchedFilesParams): Promise<void> {
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (isConfigPath(path) && change.type === FileChangeType.Created) {
        this.project.cache.addWorkspaceConfig(change.uri);
      } else if (isConfigPath(path) && change.type === FileChangeType.Deleted) {
        this.project.cache.removeWorkspaceConfig(change.uri);
      }
      if (!this.project.documents.get(change.uri)) {
        await this.changed(path);
      }
    }
  }

  /** Re-publishes (push) or asks for a re-pull (pull) of the open documents among `uris`. */
  private async refresh(uris: readonly string[], edited: string | undefined): Promise<void> {
    const open = uris.filter((u) => this.project.documents.get(u));
    if (this.mode === 'pull') {
      // The client re-pulls the edited document by itself; the others need a nudge.
      if (this.canRefresh && open.some((u) => u !== edited)) {
        await this.connection.languages.diagnostics.refresh();
      }
    } else {
      // Configs first: a map's diagnostics wait for its analysis, which a config's never need.
      const configsFirst = [...open.filter((u) => this.project.kindOf(u) === 'config'), ...open.filter((u) => this.project.kindOf(u) !== 'config')];
      for (const uri of configsFirst) {
        await this.publish(uri);
      }
    }
    this.scheduleClosedMaps();
  }

  /**
   * Publishes the closed maps once the messages already received are handled:
   * their full analysis (map reachability) must not delay the diagnostics an
   * editor is pulling for the config. Several edits in a row publish once.
   */
  private scheduleClosedMaps(): void {
    if (this.closedMapsScheduled || this.stopped || this.workspacePulled) {
      return;
    }
    this.closedMapsScheduled = true;
    setImmediate(
      guardEvent(this.connection, 'publishClosedMaps', () => {
        this.closedMapsScheduled = false;
        return this.publishClosedMaps();
      }),
      undefined,
    );
  }

  /** Publishes the map files open configs use that are not open, and clears those that left that set. */
  private async publishClosedMaps(): Promise<void> {
    if (this.stopped || this.workspacePulled) {
      return;
    }
    const run = ++this.closedMapsRun;
    const latest = (): boolean => run === this.closedMapsRun && !this.stopped && !this.workspacePulled;
    const wanted = new Set<string>();
    for (const d of this.project.documents.all()) {
      if (this.project.kindOf(d.uri) !== 'config') {
        continue;
      }
      for (const m of (await this.project.config(d.uri))?.loaded.maps.values() ?? []) {
        const uri = m.resolvedPath === undefined ? undefined : pathToUri(m.resolvedPath);
        if (uri && !this.project.documents.get(uri)) {
          wanted.add(uri);
        }
      }
    }
    for (const uri of [...this.closedMaps.keys()].filter((u) => !wanted.has(u))) {
      this.closedMaps.delete(uri);
      // An opened map is published (push) or pulled from now on: only a pull client keeps a stale pushed copy.
      if (this.mode === 'pull' || !this.project.documents.get(uri)) {
        await this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    for (const uri of wanted) {
      if (!latest()) {
        return;
      }
      const view = await this.project.view(uri);
      const stillWanted = (): boolean => latest() && !this.project.documents.get(uri);
      await prepareMapDiagnostics(view, stillWanted);
      if (!latest()) {
        // Shut down, pulled, or overtaken by a run that reads the configs as they are now.
        return;
      }
      if (!stillWanted()) {
        // Opened meanwhile: the open document is published as such.
        continue;
      }
      const diagnostics = view ? provideDiagnostics(view) : [];
      const sent = JSON.stringify(diagnostics);
      // Nothing sent yet reads as an empty list: a clean map costs no message.
      if ((this.closedMaps.get(uri) ?? '[]') !== sent) {
        this.closedMaps.set(uri, sent);
        await this.connection.sendDiagnostics({ uri, diagnostics });
      }
    }
  }

  private async publish(uri: string): Promise<void> {
    const run = (this.publishRuns.get(uri) ?? 0) + 1;
    this.publishRuns.set(uri, run);
    const doc = this.project.documents.get(uri);
    const view = await this.project.view(uri);
    if (!doc || !view) {
      return;
    }
    // An edit made while a map is analysed (of the map, or of a config that uses it) publishes again: this run would be stale.
    const current = (): boolean => !this.stopped && this.publishRuns.get(uri) === run && this.project.documents.get(uri)?.version === doc.version;
    await prepareMapDiagnostics(view, current);
    if (!current()) {
      return;
    }
    await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: provideDiagnostics(view) });
  }
}
