import type { Span } from '../model/span';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * Every diagnostic code the engine emits. Codes are stable: once shipped they
 * are never renamed, because suppression comments and code actions key on them.
 */
export const ISSUE_CODES = [
  'syntax/unexpected-character',
  'syntax/unterminated-quote',
  'syntax/bad-escape',
  'syntax/bad-env-var',
  'syntax/missing-final-newline',
  'syntax/too-many-words',
  'syntax/unbalanced-conditional',
  'syntax/bad-sample-expression',
  'directive/unknown',
  'directive/out-of-section',
  'directive/wrong-section',
  'directive/not-in-version',
  'directive/empty-word',
  'map/file-not-found',
  'map/unreachable-line',
  'map/cannot-decide',
  'map/bad-regex',
  'backend/undefined',
  'backend/all-servers-zero-weight',
  'backend/backup-weight-ignored',
  'backend/extra-backups-unused',
  'backend/weights-ignored-by-first',
  'server/weight-out-of-range',
  'server/duplicate-name',
  'health/httpchk-deprecated-headers',
  'health/observe-without-check',
  'health/unbalanced-checks',
  'health/check-slower-than-users',
  'internal/check-failed',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface RelatedInformation {
  readonly message: string;
  /** Path of the file `span` points into. */
  readonly file: string;
  readonly span: Span;
}

/** A text replacement a quick fix applies: `span` in `file` becomes `newText`. */
export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * One finding. `file` is the path the span points into (a config or a map
 * file); offsets are half-open into that file's text.
 */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  readonly related?: readonly RelatedInformation[];
  /** Edits a code action can offer, already computed by the check. */
  readonly fixes?: readonly QuickFix[];
}
