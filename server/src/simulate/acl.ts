import type { AclCriterion, MapFile } from '../model/types';
import { offsetOf } from '../model/source-file';
import { matchAclPattern, type AclMatchResult, type AclMethod } from '../matching/match-acl';
import type { EvalContext } from './eval-context';
import { splitFetchSuffix } from './fetches';
import { evaluateExpression } from './sample';

/** An ACL's answer: true/false with a human reason, or unknown with a `cannot simulate` reason. */
export type AclOutcome =
  | { readonly kind: 'known'; readonly value: boolean; readonly because: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** ACL match methods (`-m`, fetch suffixes, or the sample type's default). */
type AclMatchMethod = AclMethod | 'bin';

const METHODS: ReadonlySet<string> = new Set(['found', 'bool', 'int', 'ip', 'str', 'sub', 'reg', 'beg', 'end', 'dir', 'dom', 'len', 'bin']);

/**
 * Evaluates `fetch[,conv…] [flags] [patterns…]` (configuration.txt §7.1):
 * the match method comes from `-m`, else the fetch suffix (`path_beg`), else
 * the sample type. A missing sample never matches. Patterns come from the
 * line and from `-f` files (one pattern per line; keys only with `-M`).
 */
export function evaluateCriterion(c: AclCriterion, ctx: EvalContext): AclOutcome {
  const expr = c.expression;
  if (!expr) {
    return { kind: 'unknown', reason: `cannot simulate: unparsable ACL fetch '${c.fetchWord.value}'` };
  }
  const { fetch, suffix } = splitFetchSuffix(expr.fetch.name);
  const sample = evaluateExpression(expr, ctx, true, fetch);
  const shown = expr.fetch.name + (expr.fetch.args.length ? `(${expr.fetch.args.join(',')})` : '');
  if (sample.kind === 'unsupported') {
    return { kind: 'unknown', reason: sample.reason };
  }
  if (sample.kind === 'missing') {
    return { kind: 'known', value: false, because: `${shown} is missing (${sample.why})` };
  }
  const method = (c.flags.matchMethod ?? suffix ?? defaultMethod(sample.type)) as AclMatchMethod;
  if (!METHODS.has(method)) {
    return { kind: 'unknown', reason: `cannot simulate: match method '${method}'` };
  }
  const values = sample.values;
  const shownValues = values.map((v) => `'${v}'`).join(', ');
  if (method === 'found') {
    return { kind: 'known', value: true, because: `${shown} is present` };
  }
  if (method === 'bool') {
    const on = values.some((v) => v !== '' && v !== '0');
    return { kind: 'known', value: on, because: `${shown} is ${on ? 'true' : 'false'}` };
  }
  const patterns = collectPatterns(c, ctx);
  if (typeof patterns === 'string') {
    return { kind: 'unknown', reason: patterns };
  }
  if (method === 'bin') {
    return { kind: 'unknown', reason: 'cannot simulate: -m bin (hex patterns) is not modelled' };
  }
  const opts = { ignoreCase: c.flags.ignoreCase };
  const flags = `-m ${method}${c.flags.ignoreCase ? ' -i' : ''}`;
  if (method === 'int' || method === 'len') {
    // `gt 3`: an operator applies to the patterns after it, so the list is matched whole.
    for (const v of values) {
      const m = matchAclPattern(method, patterns, v, opts);
      if (m !== false) {
        return m === true ? { kind: 'known', value: true, because: `${shown} = '${v}' satisfies '${patterns.join(' ')}' (${flags})` } : unknownMatch(m);
      }
    }
    return { kind: 'known', value: false, because: `${shown} = ${shownValues} does not satisfy '${patterns.join(' ')}' (${flags})` };
  }
  for (const v of values) {
    for (const p of patterns) {
      const m = matchAclPattern(method, [p], v, opts);
      if (m !== false) {
        return m === true ? { kind: 'known', value: true, because: `${shown} = '${v}' matches '${p}' (${flags})` } : unknownMatch(m, p);
      }
    }
  }
  const listed = patterns.length > 4 ? `${patterns.length} patterns` : patterns.map((p) => `'${p}'`).join(', ') || 'no pattern';
  return { kind: 'known', value: false, because: `${shown} = ${shownValues} matches none of ${listed} (${flags})` };
}

function unknownMatch(m: Exclude<AclMatchResult, boolean>, pattern?: string): AclOutcome {
  const why = m.unsupported.replace(/^cannot simulate: /, '');
  return { kind: 'unknown', reason: `cannot simulate: ${why}${pattern === undefined ? '' : ` (pattern ${pattern})`}` };
}

function defaultMethod(type: 'str' | 'int' | 'ip' | 'bool'): AclMatchMethod {
  return type;
}

/** Patterns from the line, then each `-f` file; a string is a `cannot simulate` reason. */
function collectPatterns(c: AclCriterion, ctx: EvalContext): string[] | string {
  const out = c.patterns.map((w) => w.value);
  for (const f of c.flags.files) {
    const map = ctx.loaded.maps.get(f.value)?.map;
    if (!map) {
      return `cannot simulate: ACL pattern file ${f.value} was not found`;
    }
    out.push(...filePatterns(map, c.flags.mapFile));
  }
  return out;
}

/** A 1-column pattern is the whole line after leading blanks, trailing blanks included (reference §5.2). */
function filePatterns(map: MapFile, keysOnly: boolean): string[] {
  if (keysOnly) {
    return map.entries.map((e) => e.key);
  }
  const text = map.file.text;
  return map.entries.map((e) => {
    const start = offsetOf(map.file, e.keySpan.start);
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
      end++;
    }
    return text.slice(start, end);
  });
}
