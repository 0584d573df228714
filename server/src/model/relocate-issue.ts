import type { Issue } from '../analysis/issue';
import type { Relocation } from './relocate';
import type { Span } from './span';

/**
 * `issue` of a part whose lines moved: what it points at in the moved lines
 * of the config `path` moves too; what it points at before them (a defaults
 * line above) or in other files stays put.
 */
export function relocateIssue(issue: Issue, relocation: Pick<Relocation, 'shift' | 'since'>, path: string): Issue {
  const { shift, since } = relocation;
  const move = (span: Span): Span => (span.start >= since ? { start: span.start + shift, end: span.end + shift } : span);
  return {
    ...issue,
    span: issue.file === path ? move(issue.span) : issue.span,
    ...(issue.related ? { related: issue.related.map((r) => (r.file === path ? { ...r, span: move(r.span) } : r)) } : {}),
    ...(issue.fixes ? { fixes: issue.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => (e.file === path ? { ...e, span: move(e.span) } : e)) })) } : {}),
  };
}
