import type { SampleCall } from '../parser/sample-expression';
import { baseOf, headerLines, headerValues, pathWithQuery, type HttpState } from './http-state';
import { missing, present, unsupportedSample, type Sample } from './sample-value';

/** Suffixes of ACL fetch names that select a match method (`path_beg` = `path -m beg`). */
export const MATCH_SUFFIXES = ['beg', 'dir', 'dom', 'end', 'reg', 'sub', 'len', 'str', 'found', 'ip', 'int', 'bin'] as const;

/** Fetches that accept the match-method suffixes above, after normalisation. */
const SUFFIXABLE = new Set(['base', 'path', 'url', 'hdr', 'req.hdr', 'url_param', 'urlp', 'query', 'var', 'src', 'method']);

/**
 * Splits an ACL fetch name into the fetch and the match method its suffix
 * selects: `hdr_beg` → `hdr` + `beg`; `path` → `path` + undefined.
 */
export function splitFetchSuffix(name: string): { fetch: string; suffix: string | undefined } {
  const at = name.lastIndexOf('_');
  if (at > 0) {
    const head = name.slice(0, at);
    const tail = name.slice(at + 1);
    if ((MATCH_SUFFIXES as readonly string[]).includes(tail) && SUFFIXABLE.has(head)) {
      return { fetch: head, suffix: tail };
    }
  }
  return { fetch: name, suffix: undefined };
}

/** Which occurrence `hdr(name,occ)` selects; undefined in ACL context means "all". */
function occurrence(values: readonly string[], arg: string | undefined, acl: boolean): string[] | undefined {
  if (arg === undefined || arg === '') {
    return acl ? [...values] : values.length ? [values[values.length - 1] as string] : [];
  }
  const n = parseInt(arg, 10);
  if (Number.isNaN(n)) {
    return undefined;
  }
  const at = n > 0 ? n - 1 : n < 0 ? values.length + n : -1;
  const v = values[at];
  return v === undefined ? [] : [v];
}

/**
 * Evaluates one sample fetch on the request. `acl` is true in ACL context,
 * where `hdr()` returns every value instead of the last one (reference §4.3).
 * Fetches the simulator does not model give an `unsupported` sample.
 */
export function evaluateFetch(call: SampleCall, state: HttpState, acl: boolean): Sample {
  const arg = call.args[0];
  switch (call.name) {
    case 'base':
      return present('str', baseOf(state));
    case 'path':
      return present('str', state.path);
    case 'pathq':
    case 'url':
      return present('str', pathWithQuery(state));
    case 'query':
      return state.query === undefined ? missing('the request has no query string') : present('str', state.query);
    case 'method':
      return present('str', state.method);
    case 'src':
      return present('ip', state.src);
    case 'dst_port':
      return present('int', String(state.port));
    case 'ssl_fc':
      return present('bool', state.scheme === 'https' ? '1' : '0');
    case 'always_true':
      return present('bool', '1');
    case 'always_false':
      return present('bool', '0');
    case 'str':
      return present('str', arg ?? '');
    case 'int':
      return present('int', String(parseInt(arg ?? '0', 10) || 0));
    case 'url_param':
    case 'urlp':
      return urlParam(state, arg);
    case 'hdr':
    case 'req.hdr': {
      if (arg === undefined) {
        return unsupportedSample(`${call.name}() without a header name`);
      }
      const picked = occurrence(headerValues(state, arg), call.args[1], acl);
      if (picked === undefined) {
        return unsupportedSample(`${call.name}(${call.args.join(',')}): occurrence is not a number`);
      }
      return picked.length ? present('str', ...picked) : missing(`the request has no ${arg} header`);
    }
    case 'req.fhdr': {
      const lines = headerLines(state, arg ?? '');
      const picked = occurrence(lines, call.args[1], false);
      return picked && picked.length ? present('str', ...picked) : missing(`the request has no ${arg ?? ''} header`);
    }
    case 'hdr_cnt':
    case 'req.hdr_cnt':
      return present('int', String(arg === undefined ? state.headers.length : headerValues(state, arg).length));
    case 'var': {
      const value = arg === undefined ? undefined : state.vars.get(arg);
      return value === undefined ? missing(`variable ${arg ?? ''} is not set`) : present('str', value);
    }
    default:
      return unsupportedSample(`sample fetch '${call.name}' is not modelled`);
  }
}

function urlParam(state: HttpState, name: string | undefined): Sample {
  if (state.query === undefined || name === undefined) {
    return missing('the request has no query string');
  }
  for (const part of state.query.split('&')) {
    if (name === '' ? part.includes('=') : part.startsWith(`${name}=`)) {
      return present('str', part.slice(part.indexOf('=') + 1));
    }
  }
  return missing(`the query has no ${name} parameter`);
}
