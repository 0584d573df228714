import { wordLogFormat } from '../model/log-format';
import type { Directive, Word } from '../model/types';
import type { EvalContext } from './eval-context';
import { headerLines, pathWithQuery, type HttpState } from './http-state';
import { renderLogFormat } from './sample';

/** A redirect HAProxy answers itself: the Location header and the status code. */
export interface RedirectAnswer {
  readonly location: string;
  readonly code: number;
}

type RedirectType = 'location' | 'prefix' | 'scheme';

/**
 * Builds the Location of a redirect (configuration.txt `redirect`): `location`
 * as is; `prefix` + path (+ query unless drop-query, nothing inserted for
 * prefix `/`); `scheme` + `://` + first Host + path (+ query).
 */
export function redirectLocation(type: RedirectType, target: string, state: HttpState, options: readonly string[]): string {
  const dropQuery = options.includes('drop-query');
  let uri = dropQuery ? state.path : pathWithQuery(state);
  if (options.includes('append-slash') && !state.path.endsWith('/')) {
    uri = dropQuery || state.query === undefined ? `${state.path}/` : `${state.path}/?${state.query}`;
  }
  switch (type) {
    case 'location':
      return target;
    case 'prefix':
      return target === '/' ? uri : target + uri;
    case 'scheme': {
      const host = headerLines(state, 'host')[0] ?? '';
      return `${target}://${host}${uri === '' || uri === '*' ? '/' : uri}`;
    }
  }
}

/**
 * The redirect words `<type> <to> [code N] [options…]` of a `redirect`
 * directive (from args[0]) or an `http-request redirect` (from args[1]),
 * before the condition. Targets of http-request rules are log-format strings.
 */
export function evaluateRedirect(d: Directive, ctx: EvalContext, httpRequest: boolean): RedirectAnswer | { readonly unsupported: string } {
  const words: Word[] = [];
  for (const w of d.args.slice(httpRequest ? 1 : 0)) {
    if (w.value === 'if' || w.value === 'unless') {
      break;
    }
    words.push(w);
  }
  const type = words[0]?.value;
  const to = words[1];
  if ((type !== 'location' && type !== 'prefix' && type !== 'scheme') || to === undefined) {
    return { unsupported: `cannot simulate: redirect form '${words.map((w) => w.value).join(' ')}'` };
  }
  let code = 302;
  const options: string[] = [];
  for (let i = 2; i < words.length; i++) {
    const v = words[i]?.value ?? '';
    if (v === 'code') {
      code = parseInt(words[i + 1]?.value ?? '302', 10) || 302;
      i++;
    } else if (v === 'set-cookie' || v === 'clear-cookie') {
      i++;
    } else {
      options.push(v);
    }
  }
  let target = to.value;
  if (httpRequest) {
    const rendered = renderLogFormat(wordLogFormat(to), ctx);
    if (rendered.kind === 'unsupported') {
      return { unsupported: rendered.reason };
    }
    target = rendered.text;
  }
  return { location: redirectLocation(type, target, ctx.state, options), code };
}
