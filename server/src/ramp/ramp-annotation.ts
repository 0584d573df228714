import type { Proxy } from '../model/types';
import type { Span } from '../model/span';

/** A `# ramp: to=aws-a,aws-b steps=1,5,10,25,50,75,100` comment inside a backend. */
export interface RampAnnotation {
  readonly to: readonly string[] | undefined;
  readonly steps: readonly number[] | undefined;
  readonly span: Span;
  /** Problems with the comment's words, as sentences. */
  readonly problems: readonly string[];
}

const ANNOTATION = /^#\s*ramp\s*:(.*)$/i;

/**
 * Parses a step list such as `1,5,10,25,50,75,100`. Returns the sorted,
 * de-duplicated percentages, or a sentence saying what is wrong.
 */
export function parseSteps(text: string): { steps: number[] } | { problem: string } {
  const parts = text.split(',').map((p) => p.trim().replace(/%$/, ''));
  const steps: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (p === '' || !Number.isFinite(n) || n <= 0 || n > 100) {
      return { problem: `Step '${p}' is not a percentage above 0 and at most 100` };
    }
    steps.push(n);
  }
  const sorted = [...new Set(steps)].sort((a, b) => a - b);
  if (sorted[sorted.length - 1] !== 100) {
    sorted.push(100);
  }
  return { steps: sorted };
}

/**
 * The first ramp annotation among the comment lines of `backend` (a comment
 * between its header and its last directive, or a trailing comment on one
 * of its lines), or undefined when there is none.
 */
export function findRampAnnotation(backend: Proxy, comments: readonly { readonly text: string; readonly span: Span }[]): RampAnnotation | undefined {
  const inside = comments.filter((c) => c.span.start >= backend.span.start && c.span.end <= backend.span.end);
  const trailing = [backend.header, ...backend.directives].flatMap((d) => (d.comment ? [d.comment] : []));
  for (const c of [...inside, ...trailing].sort((x, y) => x.span.start - y.span.start)) {
    const m = ANNOTATION.exec(c.text.trim());
    if (m) {
      return parseAnnotationBody(m[1] ?? '', c.span);
    }
  }
  return undefined;
}

function parseAnnotationBody(body: string, span: Span): RampAnnotation {
  let to: string[] | undefined;
  let steps: number[] | undefined;
  const problems: string[] = [];
  for (const word of body.trim().split(/\s+/).filter((w) => w !== '')) {
    const eq = word.indexOf('=');
    const key = eq > 0 ? word.slice(0, eq).toLowerCase() : word;
    const value = eq > 0 ? word.slice(eq + 1) : '';
    if (key === 'to') {
      to = value.split(',').filter((v) => v !== '');
    } else if (key === 'steps') {
      const parsed = parseSteps(value);
      if ('problem' in parsed) {
        problems.push(parsed.problem);
      } else {
        steps = parsed.steps;
      }
    } else {
      problems.push(`Unknown ramp annotation word '${word}' (expected to=… or steps=…)`);
    }
  }
  return { to, steps, span, problems };
}
