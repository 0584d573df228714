import type { Directive, Proxy, UseBackendRule } from '../model/types';
import { evaluateCondition } from './condition';
import { at, versionAtLeast, type EvalContext } from './eval-context';
import { renderLogFormat } from './sample';
import { step } from './trace';

/** Which backend the frontend chose, or why there is none. */
export type BackendChoice =
  | { readonly kind: 'backend'; readonly backend: Proxy; readonly directive: Directive | undefined }
  /** Nothing matched and there is no default: a frontend answers 503. */
  | { readonly kind: 'none'; readonly directive: Directive | undefined }
  | { readonly kind: 'unknown'; readonly reason: string; readonly directive: Directive | undefined };

/** 3.4+ skips disabled backends in switching rules (reference §4.2); 2.6 does not look. */
function ineligible(p: Proxy, ctx: EvalContext): boolean {
  return versionAtLeast(ctx.version, '3.4') && p.directives.some((d) => d.keyword === 'disabled');
}

/**
 * `use_backend` rules in file order (first true condition wins), then
 * `default_backend`, then a listen's own servers, else none (reference
 * §4.2, §4.4). A dynamic name that resolves to nothing stops the rules and
 * falls to `default_backend`.
 */
export function chooseBackend(fe: Proxy, ctx: EvalContext): BackendChoice {
  for (const rule of fe.useBackends) {
    const r = tryRule(rule, fe, ctx);
    if (r === 'next') {
      continue;
    }
    if (r === 'fallback') {
      break;
    }
    return r;
  }
  return fallback(fe, ctx);
}

function tryRule(rule: UseBackendRule, fe: Proxy, ctx: EvalContext): BackendChoice | 'next' | 'fallback' {
  const d = rule.directive;
  if (rule.condition) {
    const cond = evaluateCondition(rule.condition, fe, ctx);
    if (cond.kind === 'unknown') {
      return { kind: 'unknown', reason: cond.reason, directive: d };
    }
    ctx.trace.push(step('condition', `use_backend ${rule.target.kind === 'static' ? rule.target.name : rule.target.format.text}: condition is ${cond.value} (${cond.because})`, at(ctx, d)));
    if (!cond.value) {
      return 'next';
    }
  }
  if (rule.target.kind === 'static') {
    const be = ctx.loaded.config.backendsByName.get(rule.target.name);
    if (!be) {
      return { kind: 'unknown', reason: `cannot simulate: backend '${rule.target.name}' does not exist (HAProxy refuses this config)`, directive: d };
    }
    if (ineligible(be, ctx)) {
      ctx.trace.push(step('use-backend', `backend ${be.name ?? ''} is disabled, so HAProxy ${ctx.version} skips this rule`, at(ctx, d)));
      return 'next';
    }
    ctx.trace.push(step('use-backend', `use_backend chose ${rule.target.name}`, at(ctx, d)));
    return { kind: 'backend', backend: be, directive: d };
  }
  const rendered = renderLogFormat(rule.target.format, ctx);
  if (rendered.kind === 'unsupported') {
    return { kind: 'unknown', reason: rendered.reason, directive: d };
  }
  const name = rendered.text;
  const why = rendered.missing.length ? ` (missing sample: ${rendered.missing.join('; ')})` : '';
  if (name.startsWith('#')) {
    return { kind: 'unknown', reason: `cannot simulate: dynamic backend id '${name}' (proxy ids are not modelled)`, directive: d };
  }
  const be = ctx.loaded.config.backendsByName.get(name);
  if (!be || ineligible(be, ctx)) {
    ctx.trace.push(step('use-backend', `dynamic name '${name}'${why} is ${be ? 'a disabled backend' : 'not a backend'}: later rules are not tried, default_backend applies`, at(ctx, d)));
    return 'fallback';
  }
  ctx.trace.push(step('use-backend', `dynamic name resolved to backend ${name}`, at(ctx, d)));
  return { kind: 'backend', backend: be, directive: d };
}

function fallback(fe: Proxy, ctx: EvalContext): BackendChoice {
  const def = fe.settings.defaultBackend;
  if (def) {
    const be = ctx.loaded.config.backendsByName.get(def.name);
    if (!be) {
      return { kind: 'unknown', reason: `cannot simulate: default_backend '${def.name}' does not exist (HAProxy refuses this config)`, directive: def.directive };
    }
    if (!ineligible(be, ctx)) {
      ctx.trace.push(step('default-backend', `no use_backend rule decided: default_backend ${def.name}`, at(ctx, def.directive)));
      return { kind: 'backend', backend: be, directive: def.directive };
    }
  }
  if (fe.kind === 'listen') {
    ctx.trace.push(step('default-backend', `no rule decided and no default_backend: listen ${fe.name ?? ''} uses its own servers`, at(ctx, fe.header)));
    return { kind: 'backend', backend: fe, directive: fe.header };
  }
  ctx.trace.push(step('outcome', `no rule decided and frontend ${fe.name ?? ''} has no default_backend: HAProxy answers 503`, at(ctx, fe.header)));
  return { kind: 'none', directive: undefined };
}
