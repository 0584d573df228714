import type { Diagnostic } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../document-cache';
import type { Issue, SourceFile } from '../engine';
import type { Settings } from '../settings';
import { toDiagnostic } from './convert';
import type { DocumentView } from './project';

/**
 * The source files an analysis knows by path: the config and every map it
 * found. A map is parsed only when one of its files is asked for: most
 * config diagnostics point into the config alone.
 */
export function fileLookup(doc: AnalyzedDocument): (path: string) => SourceFile | undefined {
  const config = doc.loaded.config.file;
  return (p) => {
    if (p === config.path) {
      return config;
    }
    for (const m of doc.loaded.maps.values()) {
      if (m.resolvedPath === p) {
        return m.map?.file;
      }
    }
    return undefined;
  };
}

/**
 * Applies `haproxy.diagnostics.overrides`: an exact code wins over `area/*`;
 * 'off' drops the issue, a severity replaces the engine's.
 */
export function applyOverrides(issues: readonly Issue[], overrides: Settings['diagnostics']['overrides']): Issue[] {
  if (Object.keys(overrides).length === 0) {
    return [...issues];
  }
  const out: Issue[] = [];
  for (const issue of issues) {
    const o = overrides[issue.code] ?? overrides[`${issue.code.split('/')[0] ?? ''}/*`];
    if (o === 'off') {
      continue;
    }
    out.push(o ? { ...issue, severity: o } : issue);
  }
  return out;
}

/**
 * Diagnostics of one document. A config shows the issues located in it; a map
 * file shows the issues located in it by every config that uses it (once
 * each), or only its own syntax issues when no known config uses it.
 */
export function provideDiagnostics(view: DocumentView): Diagnostic[] {
  const overrides = view.settings.diagnostics.overrides;
  if (view.kind === 'config') {
    const own = view.doc.configIssues;
    const fileOf = fileLookup(view.doc);
    const out: Diagnostic[] = [];
    // Not cached per issue: an issue reused after an edit keeps its positions (line keys), but its line numbers change when lines are added above it.
    for (const issue of applyOverrides(own, overrides)) {
      const d = toDiagnostic(issue, fileOf);
      if (d) {
        out.push(d);
      }
    }
    return out;
  }
  const file = view.map?.file;
  if (!file) {
    return [];
  }
  const issues = view.uses.length === 0 ? [...(view.map?.issues ?? [])] : view.uses.flatMap((u) => u.doc.issues.filter((i) => i.file === view.path));
  const files = new Map<string, SourceFile>([[view.path, file]]);
  for (const u of view.uses) {
    files.set(u.doc.path, u.doc.loaded.config.file);
  }
  const seen = new Set<string>();
  return applyOverrides(issues, overrides).flatMap((i) => {
    const key = `${i.code}:${i.span.start}:${i.span.end}:${i.message}`;
    if (seen.has(key)) {
      return [];
    }
    seen.add(key);
    return toDiagnostic(i, (p) => files.get(p)) ?? [];
  });
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = ++nextId;
    ids.set(o, id);
  }
  return id;
}

/**
 * An id that changes whenever the diagnostics of `view` may change: the
 * analyses it reads (new objects per version) and the severity overrides.
 * Lets a pull answer `unchanged` instead of resending every diagnostic.
 */
export function diagnosticsResultId(view: DocumentView): string {
  const analyses: object[] = view.kind === 'config' ? [view.doc] : [view.map ?? {}, ...view.uses.map((u) => u.doc)];
  return `${analyses.map(idOf).join('.')}:${JSON.stringify(view.settings.diagnostics.overrides)}`;
}

/** The `textDocument/diagnostic` answer: `unchanged` when the client already has this result. */
export function pullDiagnostics(view: DocumentView | undefined, previousResultId: string | undefined): { kind: 'full'; resultId?: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string } {
  if (!view) {
    return { kind: 'full', items: [] };
  }
  const resultId = diagnosticsResultId(view);
  return resultId === previousResultId ? { kind: 'unchanged', resultId } : { kind: 'full', resultId, items: provideDiagnostics(view) };
}
