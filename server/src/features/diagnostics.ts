import type { Connection } from 'vscode-languageserver';
import type { DocumentCache } from '../document-cache';
import type { SourceFile } from '../engine';
import { toDiagnostic } from './convert';

/** Pushes the diagnostics of a config document (those on the config file itself). */
export function publishDiagnostics(connection: Connection, cache: DocumentCache, uri: string): void {
  const doc = cache.get(uri);
  if (!doc) {
    return;
  }
  const files = new Map<string, SourceFile>([[doc.loaded.config.file.path, doc.loaded.config.file]]);
  for (const m of doc.loaded.maps.values()) {
    if (m.map) {
      files.set(m.map.file.path, m.map.file);
    }
  }
  const diagnostics = doc.issues.filter((i) => i.file === doc.loaded.config.file.path).flatMap((i) => toDiagnostic(i, (p) => files.get(p)) ?? []);
  void connection.sendDiagnostics({ uri, diagnostics });
}
