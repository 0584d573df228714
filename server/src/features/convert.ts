import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { positionAt, type Issue, type Severity, type SourceFile } from '../engine';
import { pathToFileURL } from 'node:url';
import type { Span } from '../model/span';

/** The only place that turns engine spans into LSP ranges. */
export function toRange(file: SourceFile, span: Span): Range {
  return { start: positionAt(file, span.start), end: positionAt(file, span.end) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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
      return f ? [{ location: { uri: pathToFileURL(r.file).toString(), range: toRange(f, r.span) }, message: r.message }] : [];
    }),
    data: issue.fixes ? { fixes: issue.fixes } : undefined,
  };
}
