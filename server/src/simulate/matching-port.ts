import { boundedExec } from '../matching/bounded-exec';
import { fromByteString, toByteString } from '../matching/byte-string';
import { compileRegex } from '../matching/compile-regex';
import { expandRegmTemplate } from '../matching/regm-template';

/*
 * Regex rewriting for the simulator (replace-path/-header/-uri, regsub), built
 * on the matching layer (server/src/matching): PCRE2 patterns are translated
 * and run there, bounded, so user input can never freeze a hover. Map lookups
 * and ACL patterns use matchMap/prepareMap and matchAclPattern directly.
 */

/** Result of a regex use: a value, or why there is none. */
export type RegexOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'unsupported'; readonly reason: string };

const LIMIT_REASON = 'cannot simulate: the regex hit the match limit (catastrophic backtracking; PCRE2 would report its match limit too)';

/**
 * Unanchored search of a PCRE2 pattern, as HAProxy runs it. Returns the
 * groups (index 0 = whole match) or null for no match.
 */
function regexSearch(pattern: string, input: string, caseless: boolean, captures: boolean): RegexOutcome<readonly (string | undefined)[] | null> {
  const r = compileRegex(pattern, { caseless, noAutoCapture: !captures }).search(input, { captures });
  if ('status' in r) {
    return { kind: 'unsupported', reason: r.status === 'limit' ? LIMIT_REASON : `${r.reason} (pattern ${pattern})` };
  }
  return { kind: 'ok', value: r.matched ? (r.groups ?? ['']) : null };
}

/**
 * `replace-path`, `replace-header`, `replace-uri`: when the regex matches,
 * the WHOLE value becomes the template with `\0`–`\9` expanded (HAProxy's
 * exp_replace); otherwise the value is unchanged (null).
 */
export function regexReplaceWhole(pattern: string, input: string, template: string): RegexOutcome<string | null> {
  const found = regexSearch(pattern, input, false, true);
  if (found.kind !== 'ok' || found.value === null) {
    return found.kind === 'ok' ? { kind: 'ok', value: null } : found;
  }
  const out = expandRegmTemplate(template, found.value);
  return out === undefined ? { kind: 'unsupported', reason: `cannot simulate: replacement '${template}' ends in an incomplete escape` } : { kind: 'ok', value: out };
}

/**
 * The `regsub(regex, subst[, flags])` converter: replaces the first match
 * (every match with flag `g`) by `subst`, where `\1`–`\9` are groups.
 */
export function regexSubstitute(pattern: string, input: string, subst: string, flags: string): RegexOutcome<string> {
  const compiled = compileRegex(pattern, { caseless: flags.includes('i') });
  const t = compiled.translation;
  if (!t.ok) {
    return { kind: 'unsupported', reason: `${t.reason} (pattern ${pattern})` };
  }
  const bytes = toByteString(input);
  const re = new RegExp(t.source, `${t.flags}g`);
  let out = '';
  let last = 0;
  for (;;) {
    const run = boundedExec(re, bytes);
    if (run.status === 'limit') {
      return { kind: 'unsupported', reason: LIMIT_REASON };
    }
    const m = run.match;
    if (m === null) {
      break;
    }
    const groups = t.groupMap.map((js, n) => m[n === 0 ? 0 : js]);
    out += bytes.slice(last, m.index) + (expandRegmTemplate(subst, groups) ?? '');
    last = m.index + m[0].length;
    if (m[0].length === 0) {
      // HAProxy copies one character and moves on after an empty match.
      out += bytes.charAt(last);
      last++;
      re.lastIndex = last;
    }
    if (!flags.includes('g') || last > bytes.length) {
      break;
    }
  }
  out += bytes.slice(last);
  return { kind: 'ok', value: fromByteString(out) ?? out };
}
