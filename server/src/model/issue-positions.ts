import type { Issue } from '../analysis/issue';
import { spanOfOffsets, type SourceFile } from './source-file';

/**
 * A parser issue, whose spans are offsets into the text it parsed, with its
 * spans and its fixes' spans as positions of `file` (see span.ts).
 */
export function issueAtPositions(file: SourceFile, issue: Issue): Issue {
  const at = (s: { start: number; end: number }): { start: number; end: number } => spanOfOffsets(file, s.start, s.end);
  const moved: Issue = { ...issue, span: at(issue.span) };
  return issue.fixes ? { ...moved, fixes: issue.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: at(e.span) })) })) } : moved;
}
