import type { Issue } from '../analysis/issue';
import type { Span } from './span';

/** `issue` moved `shift` characters further in the config `path`; what it says about other files stays put. */
export function relocateIssue(issue: Issue, shift: number, path: string): Issue {
  const move = (span: Span): Span => ({ start: span.start + shift, end: span.end + shift });
  return {
    ...issue,
    span: issue.file === path ? move(issue.span) : issue.span,
    ...(issue.related ? { related: issue.related.map((r) => (r.file === path ? { ...r, span: move(r.span) } : r)) } : {}),
    ...(issue.fixes ? { fixes: issue.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => (e.file === path ? { ...e, span: move(e.span) } : e)) })) } : {}),
  };
}
