import { boundedExec } from './bounded-exec';
import { fromByteString, toByteString } from './byte-string';
import { NfaRunner } from './nfa-runner';
import { translatePcre, type PcreTranslation } from './pcre-translate';
import type { LiteralPattern } from './pcre-tokens';
import { buildSearchLanguage, type SearchLanguage } from './search-language';

export interface CompileRegexOptions {
  readonly caseless: boolean;
  /** HAProxy sets PCRE2_NO_AUTO_CAPTURE for `reg` (map_reg, ACL -m reg) but not for map_regm. */
  readonly noAutoCapture?: boolean;
}

/** Outcome of one unanchored search. `groups[0]` is the whole match; unset groups are undefined. */
export type RegexSearchResult =
  | { readonly matched: boolean; readonly groups?: readonly (string | undefined)[] }
  | { readonly status: 'limit' }
  | { readonly status: 'unsupported' | 'invalid'; readonly reason: string };

/** A PCRE2 pattern prepared for safe matching. Immutable and shared through a cache. */
export interface CompiledRegex {
  readonly pattern: string;
  readonly options: CompileRegexOptions;
  readonly translation: PcreTranslation;
  /** The search language (built on first use); undefined when the pattern did not translate or is too large. */
  readonly language: SearchLanguage | undefined;
  /** Searches a text string (UTF-8 encoded to bytes first, as HAProxy sees it). */
  search(input: string, opts?: { readonly captures?: boolean }): RegexSearchResult;
  /** Same as search on an input that is already a byte string. */
  searchBytes(bytes: string, captures: boolean): RegexSearchResult;
}

class Compiled implements CompiledRegex {
  readonly translation: PcreTranslation;
  private lang: SearchLanguage | undefined | null = null;
  private runner: NfaRunner | undefined;
  private readonly re: RegExp | undefined;
  /** Searches of this regex that ran into the time bound, and the shortest input among them. */
  private limitsHit = 0;
  private shortestLimitInput = Infinity;

  constructor(
    readonly pattern: string,
    readonly options: CompileRegexOptions,
  ) {
    this.translation = translatePcre(toByteString(pattern), options);
    this.re = this.translation.ok ? new RegExp(this.translation.source, this.translation.flags) : undefined;
  }

  get language(): SearchLanguage | undefined {
    if (this.lang === null) {
      this.lang = this.translation.ok ? buildSearchLanguage(this.translation.languageSource) : undefined;
    }
    return this.lang;
  }

  search(input: string, opts?: { readonly captures?: boolean }): RegexSearchResult {
    return this.searchBytes(toByteString(input), opts?.captures === true);
  }

  searchBytes(bytes: string, captures: boolean): RegexSearchResult {
    const t = this.translation;
    if (!t.ok) {
      return { status: t.kind, reason: t.reason };
    }
    const lit = t.literal;
    if (lit !== undefined && !captures) {
      return { matched: matchLiteral(lit, bytes) };
    }
    const lang = this.language;
    if (lang?.exact === true) {
      this.runner ??= new NfaRunner(lang.nfa);
      const matched = this.runner.accepts(bytes);
      if (!matched || !captures) {
        return { matched };
      }
    }
    // A regex that ran into the bound this often is taken to run into it again on inputs at least
    // as long: one map line of catastrophic backtracking otherwise costs every later lookup the
    // whole bound. Compiled regexes are shared, so shorter inputs are still run.
    if (this.limitsHit >= LIMITS_BEFORE_GIVING_UP && bytes.length >= this.shortestLimitInput) {
      return LIMIT;
    }
    // Captures need the backtracking engine; the bound keeps it safe even when
    // the automaton already said the search succeeds.
    const run = boundedExec(this.re ?? /$^/, bytes);
    if (run.status === 'limit') {
      this.limitsHit++;
      this.shortestLimitInput = Math.min(this.shortestLimitInput, bytes.length);
      return run;
    }
    if (run.match === null) {
      return { matched: false };
    }
    const m = run.match;
    const groups = t.groupMap.map((js, n) => {
      const g = m[n === 0 ? 0 : js];
      return g === undefined ? undefined : (fromByteString(g) ?? g);
    });
    return { matched: true, groups };
  }
}

/** Searches that run into the time bound before a regex is no longer run on inputs at least as long. */
export const LIMITS_BEFORE_GIVING_UP = 3;

const LIMIT: RegexSearchResult = { status: 'limit' };

function matchLiteral(lit: LiteralPattern, bytes: string): boolean {
  const ends = (suffix: string): boolean => bytes.endsWith(suffix) || (lit.anchoredEnd === 'dollar' && bytes.endsWith(`${suffix}\n`));
  if (lit.anchoredStart) {
    if (lit.anchoredEnd === 'none') {
      return bytes.startsWith(lit.text);
    }
    return bytes === lit.text || (lit.anchoredEnd === 'dollar' && bytes === `${lit.text}\n`);
  }
  return lit.anchoredEnd === 'none' ? bytes.includes(lit.text) : ends(lit.text);
}

/** Compiled patterns kept; past this many the cache starts over. */
export const COMPILED_REGEX_CACHE_SIZE = 10_000;
const CACHE_LIMIT = COMPILED_REGEX_CACHE_SIZE;
const cache = new Map<string, CompiledRegex>();

/**
 * Compiles (or returns the cached) PCRE2 pattern. Never throws: patterns that
 * PCRE2 rejects or that cannot be simulated still compile, and every search on
 * them reports 'invalid' / 'unsupported' with the reason.
 */
export function compileRegex(pattern: string, options: CompileRegexOptions): CompiledRegex {
  const key = `${options.caseless ? 'i' : '-'}${options.noAutoCapture === true ? 'n' : '-'}${pattern}`;
  let compiled = cache.get(key);
  if (compiled === undefined) {
    if (cache.size >= CACHE_LIMIT) {
      cache.clear();
    }
    compiled = new Compiled(pattern, options);
    cache.set(key, compiled);
  }
  return compiled;
}
