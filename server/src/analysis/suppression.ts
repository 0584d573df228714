import type { Issue } from './issue';

const IGNORE = /#\s*haproxy-migrate:\s*ignore(-file)?\s+([\w/,\s-]+)/;

/** Comment lines of one file: (0-based line, text). */
export interface CommentLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Drops issues silenced by `# haproxy-migrate: ignore <code>` on the issue's
 * line or the line above, or `# haproxy-migrate: ignore-file <code>` anywhere
 * in the file (conventionally at the top). Several codes may be separated by commas.
 */
export function applySuppressions(issues: readonly Issue[], commentsByFile: ReadonlyMap<string, { comments: readonly CommentLine[]; lineOf: (offset: number) => number }>): Issue[] {
  const rules = new Map<string, { fileWide: Set<string>; byLine: Map<number, Set<string>> }>();
  for (const [file, info] of commentsByFile) {
    const fileWide = new Set<string>();
    const byLine = new Map<number, Set<string>>();
    for (const c of info.comments) {
      const m = IGNORE.exec(c.text);
      if (!m) {
        continue;
      }
      const codes = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
      if (m[1]) {
        codes.forEach((code) => fileWide.add(code));
      } else {
        for (const line of [c.line, c.line + 1]) {
          const set = byLine.get(line) ?? new Set<string>();
          codes.forEach((code) => set.add(code));
          byLine.set(line, set);
        }
      }
    }
    rules.set(file, { fileWide, byLine });
  }
  return issues.filter((issue) => {
    const r = rules.get(issue.file);
    const info = commentsByFile.get(issue.file);
    if (!r || !info) {
      return true;
    }
    if (r.fileWide.has(issue.code)) {
      return false;
    }
    return !r.byLine.get(info.lineOf(issue.span.start))?.has(issue.code);
  });
}
