import type { SampleExpression } from '../parser/sample-expression';
import type { LogFormat } from '../model/types';
import { applyConverter } from './converters';
import type { EvalContext } from './eval-context';
import { evaluateFetch } from './fetches';
import { missing, present, type Sample } from './sample-value';

/**
 * Evaluates `fetch,conv1,conv2…`. In ACL context a multi-value fetch keeps
 * all its values and converters run on each; elsewhere it has one value.
 * A missing fetch skips the converters, so a map default is not returned
 * (reference §5.5).
 */
export function evaluateExpression(expr: SampleExpression, ctx: EvalContext, acl: boolean, fetchName = expr.fetch.name): Sample {
  const fetched = evaluateFetch({ ...expr.fetch, name: fetchName }, ctx.state, acl);
  if (fetched.kind !== 'present' || expr.converters.length === 0) {
    return fetched;
  }
  let values = [...fetched.values];
  let why = '';
  for (const conv of expr.converters) {
    const next: string[] = [];
    for (const v of values) {
      const out = applyConverter(conv, v, ctx);
      if (out.kind === 'unsupported') {
        return out;
      }
      if (out.kind === 'value') {
        next.push(out.value);
      } else {
        why = out.why;
      }
    }
    values = next;
    if (values.length === 0) {
      return missing(why);
    }
  }
  return present(outputType(expr), ...values);
}

function outputType(expr: SampleExpression): 'str' | 'int' | 'ip' {
  const last = expr.converters[expr.converters.length - 1]?.name ?? '';
  return last.endsWith('_int') ? 'int' : last.endsWith('_ip') ? 'ip' : 'str';
}

/** A rendered log-format string, or why it cannot be rendered. */
export type RenderedFormat =
  | { readonly kind: 'text'; readonly text: string; readonly missing: readonly string[] }
  | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Renders a log-format string (`use_backend %[…]`, `set-header` values).
 * A missing sample renders as '' (as `-` with `%{+M}[…]`) and is listed in
 * `missing`. `%x` variables other than `%%` cannot be simulated.
 */
export function renderLogFormat(format: LogFormat, ctx: EvalContext): RenderedFormat {
  let text = '';
  const absent: string[] = [];
  const flags = sampleFlags(format.text);
  let sampleIndex = 0;
  for (const part of format.parts) {
    if (part.kind === 'literal') {
      text += part.text;
      continue;
    }
    if (part.kind === 'variable') {
      return { kind: 'unsupported', reason: `cannot simulate: log-format variable %${part.name} in '${format.text}'` };
    }
    if (!part.expression) {
      return { kind: 'unsupported', reason: `cannot simulate: unparsable sample expression '${part.text}'` };
    }
    const plusM = (flags[sampleIndex++] ?? '').includes('+M');
    const s = evaluateExpression(part.expression, ctx, false);
    if (s.kind === 'unsupported') {
      return { kind: 'unsupported', reason: s.reason };
    }
    if (s.kind === 'missing') {
      absent.push(`${part.text} (${s.why})`);
      text += plusM ? '-' : '';
      continue;
    }
    text += s.values[s.values.length - 1] ?? '';
  }
  return { kind: 'text', text, missing: absent };
}

/** The `{…}` flags of each `%[…]` sample of a log-format text, in order ('' when none). */
function sampleFlags(text: string): string[] {
  const out: string[] = [];
  const re = /%%|%(\{[^}]*\})?\[/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] !== '%%') {
      out.push(m[1] ?? '');
    }
  }
  return out;
}
