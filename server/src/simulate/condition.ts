import type { Condition, ConditionTerm, Proxy } from '../model/types';
import { evaluateCriterion, type AclOutcome } from './acl';
import type { EvalContext } from './eval-context';

/** A condition's answer and the explanation the trace shows. */
export type ConditionOutcome =
  | { readonly kind: 'known'; readonly value: boolean; readonly because: string }
  | { readonly kind: 'unknown'; readonly reason: string };

const GET_HEAD = new Set(['GET', 'HEAD']);

/** HAProxy's predefined ACLs (configuration.txt §7.4) that routing rules use. */
function predefinedAcl(name: string, ctx: EvalContext): AclOutcome | undefined {
  const m = ctx.state.method;
  const known = (value: boolean, because: string): AclOutcome => ({ kind: 'known', value, because });
  switch (name) {
    case 'TRUE':
    case 'HTTP':
      return known(true, `${name} is always true`);
    case 'FALSE':
      return known(false, 'FALSE is always false');
    case 'METH_GET':
      return known(GET_HEAD.has(m), `method ${m}`);
    case 'METH_CONNECT': case 'METH_DELETE': case 'METH_HEAD': case 'METH_OPTIONS': case 'METH_POST': case 'METH_PUT': case 'METH_TRACE':
      return known(m === name.slice(5), `method ${m}`);
    case 'HTTP_URL_SLASH':
      return known(ctx.state.path.startsWith('/'), `path ${ctx.state.path}`);
    case 'LOCALHOST':
      return known(/^127\./.test(ctx.state.src), `src ${ctx.state.src}`);
    default:
      return undefined;
  }
}

function evaluateTerm(term: ConditionTerm, proxy: Proxy, ctx: EvalContext): AclOutcome & { readonly label: string } {
  if (term.kind === 'anonymous') {
    const label = term.criterion ? `{ ${term.criterion.fetchWord.value}${term.criterion.patterns.length ? ' …' : ''} }` : '{ }';
    const out: AclOutcome = term.criterion ? evaluateCriterion(term.criterion, ctx) : { kind: 'unknown', reason: 'cannot simulate: empty anonymous ACL' };
    return { ...out, label };
  }
  const decls = proxy.acls.filter((a) => a.name === term.name);
  if (decls.length === 0) {
    const pre = predefinedAcl(term.name, ctx);
    return { ...(pre ?? { kind: 'unknown', reason: `cannot simulate: ACL '${term.name}' is not declared in ${proxy.name ?? 'this section'}` }), label: term.name };
  }
  // Several declarations of one name are OR-ed (reference §4.3).
  const reasons: string[] = [];
  for (const d of decls) {
    const out = evaluateCriterion(d.criterion, ctx);
    if (out.kind === 'unknown') {
      return { ...out, label: term.name };
    }
    if (out.value) {
      return { ...out, label: term.name };
    }
    reasons.push(out.because);
  }
  return { kind: 'known', value: false, because: reasons.join('; '), label: term.name };
}

/**
 * Evaluates `if|unless` + OR of AND-terms against `proxy`'s ACLs, left to
 * right with HAProxy's short-circuit, explaining the deciding terms.
 */
export function evaluateCondition(cond: Condition, proxy: Proxy, ctx: EvalContext): ConditionOutcome {
  const explained: string[] = [];
  let result = false;
  for (const group of cond.alternatives) {
    let all = true;
    const parts: string[] = [];
    for (const term of group) {
      const t = evaluateTerm(term, proxy, ctx);
      if (t.kind === 'unknown') {
        return t;
      }
      const v = term.negated ? !t.value : t.value;
      parts.push(`${term.negated ? '!' : ''}${t.label} is ${v} (${t.because})`);
      if (!v) {
        all = false;
        break;
      }
    }
    explained.push(parts.join(' and '));
    if (all) {
      result = true;
      break;
    }
  }
  const value = cond.polarity === 'if' ? result : !result;
  return { kind: 'known', value, because: explained.join(' or ') + (cond.polarity === 'unless' ? ` (unless → ${value})` : '') };
}
