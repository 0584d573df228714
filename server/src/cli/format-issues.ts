import { createSourceFile, positionAt, type Issue, type SourceFile } from '../engine';

/** The JSON shape of one diagnostic in `check --format json` (1-based lines and columns). */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Issue['severity'];
  code: string;
  message: string;
}

/** Converts issues to 1-based positions, reading each file's text once. */
export function toJsonDiagnostics(issues: readonly Issue[], texts: ReadonlyMap<string, string>): JsonDiagnostic[] {
  const files = new Map<string, SourceFile>();
  const fileOf = (p: string): SourceFile => {
    let f = files.get(p);
    if (!f) {
      f = createSourceFile(p, texts.get(p) ?? '');
      files.set(p, f);
    }
    return f;
  };
  return issues.map((i) => {
    const f = fileOf(i.file);
    const start = positionAt(f, i.span.start);
    const end = positionAt(f, i.span.end);
    return { file: i.file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: i.severity, code: i.code, message: i.message };
  });
}

/** `file:line:col: severity code: message`, like a compiler. */
export function formatDiagnosticText(d: JsonDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`;
}

const ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** Sorted by file, position, then severity, so output is stable. */
export function sortDiagnostics(ds: JsonDiagnostic[]): JsonDiagnostic[] {
  return ds.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code));
}
