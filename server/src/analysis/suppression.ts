import type { Issue, QuickFix } from './issue';
import { insertLineAbove } from './fixes/text-edits';
import { lineOf, type SourceFile } from '../model/source-file';
import type { Span } from '../model/span';

const IGNORE = /#\s*haproxy-migrate:\s*ignore(-file)?\s+([\w/,\s-]+)/;

/** One comment of a file: where it is, its text (with the `#`), and whether code precedes it. */
export interface CommentLine {
  readonly span: Span;
  readonly text: string;
  /** True for a comment after a directive on the same line; false or absent for a comment-only line. */
  readonly trailing?: boolean;
}

/** The comments of one file and the file itself (for line numbers and fix positions). */
export interface SuppressionSource {
  readonly file: SourceFile;
  readonly comments: readonly CommentLine[];
}

interface FileRules {
  readonly fileWide: ReadonlySet<string>;
  readonly byLine: ReadonlyMap<number, ReadonlySet<string>>;
}

/**
 * Drops issues silenced by suppression comments:
 * - `# haproxy-migrate: ignore <code>` after a directive silences that code on its line;
 * - the same comment on a line of its own silences the code on the next line
 *   that is not a comment (several such comments may be stacked above one line);
 * - `# haproxy-migrate: ignore-file <code>` anywhere in a file (conventionally
 *   at the top) silences the code in that file.
 * Several codes may be separated by commas or blanks. Comments of one file
 * never silence issues of another (a map's issues need comments in the map).
 */
export function applySuppressions(issues: readonly Issue[], sources: ReadonlyMap<string, SuppressionSource>): Issue[] {
  const rules = new Map<string, FileRules>();
  for (const [path, source] of sources) {
    const r = rulesOf(source);
    if (r.fileWide.size > 0 || r.byLine.size > 0) {
      rules.set(path, r);
    }
  }
  if (rules.size === 0) {
    return [...issues];
  }
  return issues.filter((issue) => {
    const r = rules.get(issue.file);
    const source = sources.get(issue.file);
    if (!r || !source) {
      return true;
    }
    if (r.fileWide.has(issue.code)) {
      return false;
    }
    return !r.byLine.get(lineOf(source.file, issue.span.start))?.has(issue.code);
  });
}

function rulesOf(source: SuppressionSource): FileRules {
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const lineOfComment = (c: CommentLine): number => lineOf(source.file, c.span.start);
  const commentOnly = new Set(source.comments.filter((c) => !c.trailing).map(lineOfComment));
  for (const c of source.comments) {
    const m = IGNORE.exec(c.text);
    if (!m) {
      continue;
    }
    const codes = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    if (m[1]) {
      codes.forEach((code) => fileWide.add(code));
      continue;
    }
    let target = lineOfComment(c);
    if (!c.trailing) {
      target++;
      while (commentOnly.has(target)) {
        target++;
      }
    }
    const set = byLine.get(target) ?? new Set<string>();
    codes.forEach((code) => set.add(code));
    byLine.set(target, set);
  }
  return { fileWide, byLine };
}

/**
 * Adds the two suppression quick fixes to every issue whose file is known:
 * an ignore comment inserted above the issue's line (indented like it), and
 * an ignore-file comment inserted at the top of the file.
 */
/*
 * Issues that survive an edit are the same objects (checks memoise per proxy
 * and per map), and their line kept its key even when lines were added
 * above it: the fix inserting above it is still right. Decorate each once.
 */
const decorated = new WeakMap<Issue, Issue>();

export function addSuppressionFixes(issues: readonly Issue[], sources: ReadonlyMap<string, SuppressionSource>): Issue[] {
  return issues.map((issue) => {
    const source = sources.get(issue.file);
    if (!source) {
      return issue;
    }
    const hit = decorated.get(issue);
    if (hit) {
      return hit;
    }
    const line = lineOf(source.file, issue.span.start);
    const fixes: QuickFix[] = [
      { title: `Ignore ${issue.code} on this line`, edits: [insertLineAbove(source.file, line, `# haproxy-migrate: ignore ${issue.code}`)] },
      // Position 0 is the start of the text whatever the line keys: a line added above the first one later does not move it.
      { title: `Ignore ${issue.code} in this file`, edits: [{ file: source.file.path, span: { start: 0, end: 0 }, newText: `# haproxy-migrate: ignore-file ${issue.code}${source.file.lineBreak}` }] },
    ];
    const withFixes = { ...issue, fixes: [...(issue.fixes ?? []), ...fixes] };
    decorated.set(issue, withFixes);
    return withFixes;
  });
}
