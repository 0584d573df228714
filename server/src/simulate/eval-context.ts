import type { LoadedConfig } from '../engine';
import type { HttpState } from './http-state';
import type { Directive } from '../model/types';
import { lineOf, spanText } from '../model/source-file';
import type { DecidingLine, MapMatch } from './result';
import type { TraceLocation, TraceStep } from './trace';

/**
 * What evaluating samples, conditions and rules reads and records for one
 * route: the loaded config, the request being rewritten, and the trace and
 * map matches collected so far (both append-only, in order).
 */
export interface EvalContext {
  readonly loaded: LoadedConfig;
  readonly state: HttpState;
  readonly trace: TraceStep[];
  /** Every map line that answered a lookup, in evaluation order. */
  readonly mapMatches: MapMatch[];
  /** `cannot simulate: …` reasons that did not stop the simulation. */
  readonly unsupported: string[];
  /** HAProxy version whose behaviour is simulated, e.g. '2.6'. */
  readonly version: string;
}

/** Where a config directive is, for trace steps. */
export function at(ctx: EvalContext, d: Directive): TraceLocation {
  return { file: ctx.loaded.config.file.path, line: lineOf(ctx.loaded.config.file, d.span.start), span: d.span };
}

/** The line that decided an outcome, as results report it. */
export function decidingLine(ctx: EvalContext, d: Directive): DecidingLine {
  const f = ctx.loaded.config.file;
  return { file: f.path, line: lineOf(f, d.span.start), text: spanText(f, d.span).trim() };
}

/** Records a non-fatal `cannot simulate` reason once. */
export function noteUnsupported(ctx: EvalContext, reason: string): void {
  if (!ctx.unsupported.includes(reason)) {
    ctx.unsupported.push(reason);
  }
}

/** Compares dotted versions numerically: versionAtLeast('3.4', '3.4') is true. */
export function versionAtLeast(version: string, wanted: string): boolean {
  const a = version.split('.').map((p) => parseInt(p, 10) || 0);
  const b = wanted.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) {
      return d > 0;
    }
  }
  return true;
}
