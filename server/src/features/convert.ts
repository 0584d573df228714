/*
 * The only place that knows LSP positions: engine spans ↔ LSP ranges, issues
 * → diagnostics, paths ↔ uris.
 */
import { DiagnosticSeverity, type Diagnostic, type Location, type Position, type Range } from 'vscode-languageserver';
import { positionAt, positionOf, type Issue, type Severity, type SourceFile, type Span } from '../engine';
import { pathToUri } from '../document-cache';

/** Engine span → LSP range in `file`. */
export function toRange(file: SourceFile, span: Span): Range {
  return { start: positionAt(file, span.start), end: positionAt(file, span.end) };
}

/** LSP position → span position in `file` (clamped to the text). */
export function toPosition(file: SourceFile, position: Position): number {
  return positionOf(file, position);
}

/** A location in another (or the same) file, for links and references. */
export function toLocation(file: SourceFile, span: Span): Location {
  return { uri: pathToUri(file.path), range: toRange(file, span) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Issue → Diagnostic; undefined when the issue's file is not one of `fileOf`'s.
 * Fixes are not copied into `data`: on big configs they would double every
 * publish, so code actions look the issue up by code and range instead.
 */
export function toDiagnostic(issue: Issue, fileOf: (path: string) => SourceFile | undefined): Diagnostic | undefined {
  const file = fileOf(issue.file);
  if (!file) {
    return undefined;
  }
  return {
    range: toRange(file, issue.span),
    severity: SEVERITY[issue.severity],
    code: issue.code,
    source: 'haproxy-migration',
    message: issue.message,
    relatedInformation: issue.related?.flatMap((r) => {
      const f = fileOf(r.file);
      return f ? [{ location: toLocation(f, r.span), message: r.message }] : [];
    }),
  };
}
