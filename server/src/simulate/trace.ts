import type { Span } from '../model/span';

/** What a trace step explains; renderers may style steps by kind. */
export type TraceKind =
  | 'frontend' | 'rewrite' | 'condition' | 'redirect' | 'use-backend' | 'default-backend'
  | 'map' | 'backend' | 'use-server' | 'balance' | 'outcome' | 'unsupported';

/**
 * One step of the ordered explanation of a simulation. Hover, the editor
 * command and the CLI all render the same steps.
 */
export interface TraceStep {
  readonly kind: TraceKind;
  /** Sentence case, no trailing period, self-contained. */
  readonly message: string;
  /** File the step points at (config or map file), when it points at one. */
  readonly file?: string;
  /** 0-based line in `file`. */
  readonly line?: number;
  /** Offsets in `file`. */
  readonly span?: Span;
}

/** Where a step points: a config line or a map line. */
export interface TraceLocation {
  readonly file: string;
  readonly line: number;
  readonly span?: Span;
}

/** Builds a step, adding the location only when there is one. */
export function step(kind: TraceKind, message: string, at?: TraceLocation): TraceStep {
  return at ? { kind, message, file: at.file, line: at.line, ...(at.span ? { span: at.span } : {}) } : { kind, message };
}

/**
 * Renders steps as text lines: `line N: message` (1-based, with the file's
 * base name when it differs from `mainFile`), or just the message.
 */
export function renderTrace(steps: readonly TraceStep[], mainFile?: string): string[] {
  return steps.map((s) => {
    if (s.line === undefined) {
      return s.message;
    }
    const where = s.file !== undefined && s.file !== mainFile ? `${baseName(s.file)}:${s.line + 1}` : `line ${s.line + 1}`;
    return `${where}: ${s.message}`;
  });
}

function baseName(p: string): string {
  const at = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return at >= 0 ? p.slice(at + 1) : p;
}
