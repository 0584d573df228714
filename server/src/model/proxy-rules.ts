import { conditionStart, parseCondition, parseWordExpression } from './conditions';
import { isLiteralFormat, wordLogFormat } from './log-format';
import type { Bind, DefaultBackend, Directive, HttpRequestRule, Redirect, UseBackendRule, UseServerRule, Word } from './types';

function splitCondition(d: Directive, from: number): { body: readonly Word[]; condition: ReturnType<typeof parseCondition> } {
  const at = conditionStart(d.args, from);
  return at < 0 ? { body: d.args, condition: undefined } : { body: d.args.slice(0, at), condition: parseCondition(d.args.slice(at)) };
}

/** `use_backend <name | log-format> [if|unless cond]`. */
export function parseUseBackend(d: Directive): UseBackendRule | undefined {
  const { body, condition } = splitCondition(d, 1);
  const nameWord = body[0];
  if (!nameWord) {
    return undefined;
  }
  const format = wordLogFormat(nameWord);
  const target = isLiteralFormat(format)
    ? { kind: 'static' as const, name: format.text, span: nameWord.span }
    : { kind: 'dynamic' as const, format, span: nameWord.span };
  return { kind: 'useBackend', target, condition, directive: d };
}

export function parseDefaultBackend(d: Directive): DefaultBackend | undefined {
  const w = d.args[0];
  return w ? { kind: 'defaultBackend', name: w.value, span: w.span, directive: d } : undefined;
}

export function parseUseServer(d: Directive): UseServerRule | undefined {
  const { body, condition } = splitCondition(d, 1);
  const w = body[0];
  return w ? { kind: 'useServer', server: w.value, serverSpan: w.span, condition, directive: d } : undefined;
}

/** `http-request <action> …`: the actions that change routing inputs are typed. */
export function parseHttpRequest(d: Directive): HttpRequestRule | undefined {
  const actionWord = d.args[0];
  if (!actionWord) {
    return undefined;
  }
  const { body, condition } = splitCondition(d, 1);
  const action = actionWord.value;
  const a = body.slice(1);
  const base = { kind: 'httpRequest' as const, condition, directive: d };
  switch (action) {
    case 'set-header':
    case 'add-header':
      return a[0] && a[1] ? { ...base, action, header: a[0].value, value: wordLogFormat(a[1]) } : undefined;
    case 'del-header':
      return a[0] ? { ...base, action, header: a[0].value } : undefined;
    case 'replace-header':
    case 'replace-value':
      return a[0] && a[1] && a[2] ? { ...base, action, header: a[0].value, regex: a[1].value, replacement: wordLogFormat(a[2]) } : undefined;
    case 'set-path':
    case 'set-pathq':
    case 'set-uri':
    case 'set-query':
      return a[0] ? { ...base, action, value: wordLogFormat(a[0]) } : undefined;
    case 'replace-path':
    case 'replace-pathq':
    case 'replace-uri':
      return a[0] && a[1] ? { ...base, action, regex: a[0].value, replacement: wordLogFormat(a[1]) } : undefined;
    case 'redirect':
    case 'deny':
    case 'return':
    case 'tarpit':
    case 'auth':
      return { ...base, action };
    default: {
      const setVar = /^set-var\((.+)\)$/.exec(action);
      if (setVar) {
        return { ...base, action: 'set-var', variable: setVar[1] as string, expression: a[0] ? parseWordExpression(a[0]) : undefined, expressionWord: a[0] };
      }
      return { ...base, action: 'other', name: action };
    }
  }
}

/** `redirect location|prefix|scheme <to> [code <n>] [options…] [if|unless cond]`. */
export function parseRedirect(d: Directive): Redirect {
  const { body, condition } = splitCondition(d, 0);
  const typeWord = body[0]?.value;
  const type = typeWord === 'location' || typeWord === 'prefix' || typeWord === 'scheme' ? typeWord : undefined;
  let code = 302;
  const codeAt = body.findIndex((w) => w.value === 'code');
  if (codeAt >= 0) {
    code = parseInt(body[codeAt + 1]?.value ?? '302', 10) || 302;
  }
  return { kind: 'redirect', type, target: body[1]?.value, code, condition, directive: d };
}

/** `bind [<addr>]:<port>[-<port>][,…] [params…]`. */
export function parseBind(d: Directive): Bind {
  const addr = d.args[0]?.value;
  const ports: number[] = [];
  for (const part of (addr ?? '').split(',')) {
    const m = /:(\d+)(?:-(\d+))?$/.exec(part);
    if (m) {
      ports.push(parseInt(m[1] as string, 10));
      if (m[2]) {
        ports.push(parseInt(m[2], 10));
      }
    }
  }
  return { kind: 'bind', address: addr, ports, ssl: d.args.some((w) => w.value === 'ssl'), directive: d };
}
