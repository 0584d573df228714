import type { HttpRequestRule, Proxy } from '../model/types';
import { evaluateCondition } from './condition';
import { at, noteUnsupported, type EvalContext } from './eval-context';
import { deleteHeader, headerLines, pathWithQuery, setHeader } from './http-state';
import { regexReplaceWhole } from './matching-port';
import { evaluateRedirect, type RedirectAnswer } from './redirects';
import { evaluateExpression, renderLogFormat } from './sample';
import { step } from './trace';
import type { Directive } from '../model/types';

/** How a phase of request processing ended. */
export type PhaseOutcome =
  | { readonly kind: 'continue' }
  | { readonly kind: 'redirect'; readonly answer: RedirectAnswer; readonly directive: Directive }
  | { readonly kind: 'status'; readonly status: number; readonly directive: Directive }
  | { readonly kind: 'unknown'; readonly reason: string; readonly directive: Directive };

/** Actions that cannot change the routing of this request. */
const HARMLESS = new Set([
  'capture', 'set-log-level', 'set-nice', 'set-tos', 'set-mark', 'track-sc0', 'track-sc1', 'track-sc2',
  'sc-inc-gpc0', 'sc-inc-gpc1', 'sc-set-gpt0', 'set-dst', 'set-dst-port', 'wait-for-handshake',
  'wait-for-body', 'disable-l7-retry', 'strict-mode', 'set-priority-class', 'set-priority-offset', 'early-hint',
]);

const TERMINAL_STATUS: Record<string, number> = { deny: 403, tarpit: 500, auth: 401 };

/**
 * Runs a proxy's `http-request` rules (its defaults' first, reference §4.1)
 * then its `redirect` rules, rewriting `ctx.state` as HAProxy would.
 */
export function runRequestRules(proxy: Proxy, ctx: EvalContext): PhaseOutcome {
  const rules = [...(proxy.defaults?.httpRequestRules ?? []), ...proxy.httpRequestRules];
  for (const rule of rules) {
    const out = runRule(rule, proxy, ctx);
    if (out.kind !== 'continue') {
      return out;
    }
  }
  for (const r of proxy.redirects) {
    const cond = r.condition ? evaluateCondition(r.condition, proxy, ctx) : undefined;
    if (cond?.kind === 'unknown') {
      return { kind: 'unknown', reason: cond.reason, directive: r.directive };
    }
    if (cond && !cond.value) {
      ctx.trace.push(step('condition', `redirect skipped: condition is false (${cond.because})`, at(ctx, r.directive)));
      continue;
    }
    const answer = evaluateRedirect(r.directive, ctx, false);
    if ('unsupported' in answer) {
      return { kind: 'unknown', reason: answer.unsupported, directive: r.directive };
    }
    ctx.trace.push(step('redirect', `redirect ${answer.code} to ${answer.location}`, at(ctx, r.directive)));
    return { kind: 'redirect', answer, directive: r.directive };
  }
  return { kind: 'continue' };
}

function runRule(rule: HttpRequestRule, proxy: Proxy, ctx: EvalContext): PhaseOutcome {
  const d = rule.directive;
  const label = `http-request ${d.args[0]?.value ?? ''}`;
  if (rule.condition) {
    const cond = evaluateCondition(rule.condition, proxy, ctx);
    if (cond.kind === 'unknown') {
      return { kind: 'unknown', reason: cond.reason, directive: d };
    }
    if (!cond.value) {
      ctx.trace.push(step('condition', `${label} skipped: condition is false (${cond.because})`, at(ctx, d)));
      return { kind: 'continue' };
    }
  }
  const fail = (reason: string): PhaseOutcome => ({ kind: 'unknown', reason, directive: d });
  const s = ctx.state;
  switch (rule.action) {
    case 'set-header':
    case 'add-header': {
      const v = renderLogFormat(rule.value, ctx);
      if (v.kind === 'unsupported') {
        return fail(v.reason);
      }
      if (rule.action === 'set-header') {
        setHeader(s, rule.header, v.text);
      } else {
        s.headers.push({ name: rule.header, value: v.text });
      }
      ctx.trace.push(step('rewrite', `${label}: ${rule.header} is now '${headerLines(s, rule.header).join(', ')}'`, at(ctx, d)));
      return { kind: 'continue' };
    }
    case 'del-header':
      deleteHeader(s, rule.header);
      ctx.trace.push(step('rewrite', `${label}: removed every ${rule.header} header`, at(ctx, d)));
      return { kind: 'continue' };
    case 'replace-header':
    case 'replace-value':
      return replaceHeader(rule.action, rule.header, rule.regex, rule.replacement.text, ctx, d, label);
    case 'set-path':
    case 'set-pathq':
    case 'set-query':
    case 'set-uri': {
      const v = renderLogFormat(rule.value, ctx);
      if (v.kind === 'unsupported') {
        return fail(v.reason);
      }
      applyTarget(rule.action, v.text, ctx);
      ctx.trace.push(step('rewrite', `${label}: request target is now ${pathWithQuery(s)}`, at(ctx, d)));
      return { kind: 'continue' };
    }
    case 'replace-path':
    case 'replace-pathq':
    case 'replace-uri': {
      if (rule.replacement.parts.some((p) => p.kind !== 'literal')) {
        return fail(`cannot simulate: ${label} with a log-format replacement`);
      }
      const input = rule.action === 'replace-path' ? s.path : pathWithQuery(s);
      const r = regexReplaceWhole(rule.regex, input, rule.replacement.text);
      if (r.kind === 'unsupported') {
        return fail(r.reason);
      }
      if (r.value === null) {
        ctx.trace.push(step('rewrite', `${label}: '${rule.regex}' does not match '${input}', unchanged`, at(ctx, d)));
        return { kind: 'continue' };
      }
      applyTarget(rule.action === 'replace-path' ? 'set-path' : 'set-pathq', r.value, ctx);
      ctx.trace.push(step('rewrite', `${label}: request target is now ${pathWithQuery(s)}`, at(ctx, d)));
      return { kind: 'continue' };
    }
    case 'set-var': {
      if (!rule.expression) {
        return fail(`cannot simulate: ${label} with an unparsable expression`);
      }
      const v = evaluateExpression(rule.expression, ctx, false);
      if (v.kind === 'unsupported') {
        return fail(v.reason);
      }
      if (v.kind === 'present') {
        s.vars.set(rule.variable, v.values[v.values.length - 1] ?? '');
      }
      ctx.trace.push(step('rewrite', v.kind === 'present' ? `set-var(${rule.variable}) = '${s.vars.get(rule.variable) ?? ''}'` : `set-var(${rule.variable}) not set: ${v.why}`, at(ctx, d)));
      return { kind: 'continue' };
    }
    case 'redirect': {
      const answer = evaluateRedirect(d, ctx, true);
      if ('unsupported' in answer) {
        return fail(answer.unsupported);
      }
      ctx.trace.push(step('redirect', `${label}: ${answer.code} to ${answer.location}`, at(ctx, d)));
      return { kind: 'redirect', answer, directive: d };
    }
    case 'return': {
      const i = d.args.findIndex((w) => w.value === 'status');
      const status = i >= 0 ? parseInt(d.args[i + 1]?.value ?? '200', 10) || 200 : 200;
      ctx.trace.push(step('outcome', `${label}: HAProxy answers ${status} itself`, at(ctx, d)));
      return { kind: 'status', status, directive: d };
    }
    case 'deny':
    case 'tarpit':
    case 'auth': {
      const i = d.args.findIndex((w) => w.value === 'deny_status');
      const status = i >= 0 ? parseInt(d.args[i + 1]?.value ?? '', 10) || (TERMINAL_STATUS[rule.action] ?? 403) : (TERMINAL_STATUS[rule.action] ?? 403);
      ctx.trace.push(step('outcome', `${label}: HAProxy answers ${status} itself`, at(ctx, d)));
      return { kind: 'status', status, directive: d };
    }
    case 'other':
      if (!HARMLESS.has(rule.name)) {
        noteUnsupported(ctx, `cannot simulate: http-request ${rule.name} (line ${at(ctx, d).line + 1}); the rest assumes it changes nothing`);
        ctx.trace.push(step('unsupported', `http-request ${rule.name} is not simulated`, at(ctx, d)));
      }
      return { kind: 'continue' };
  }
}

function applyTarget(action: 'set-path' | 'set-pathq' | 'set-query' | 'set-uri', text: string, ctx: EvalContext): void {
  const s = ctx.state;
  if (action === 'set-path') {
    s.path = text;
  } else if (action === 'set-query') {
    s.query = text;
  } else {
    const q = text.indexOf('?');
    s.path = q >= 0 ? text.slice(0, q) : text;
    s.query = q >= 0 ? text.slice(q + 1) : undefined;
  }
}

/** `replace-header` rewrites whole lines; `replace-value` each comma-separated value. */
function replaceHeader(action: 'replace-header' | 'replace-value', name: string, regex: string, template: string, ctx: EvalContext, d: Directive, label: string): PhaseOutcome {
  const lower = name.toLowerCase();
  const next = [];
  for (const h of ctx.state.headers) {
    if (h.name.toLowerCase() !== lower) {
      next.push(h);
      continue;
    }
    const pieces = action === 'replace-header' ? [h.value] : h.value.split(',').map((v) => v.trim());
    const out: string[] = [];
    for (const p of pieces) {
      const r = regexReplaceWhole(regex, p, template);
      if (r.kind === 'unsupported') {
        return { kind: 'unknown', reason: r.reason, directive: d };
      }
      out.push(r.value ?? p);
    }
    next.push({ name: h.name, value: out.join(', ') });
  }
  ctx.state.headers = next;
  ctx.trace.push(step('rewrite', `${label}: ${name} is now '${headerLines(ctx.state, name).join(', ')}'`, at(ctx, d)));
  return { kind: 'continue' };
}
