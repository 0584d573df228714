import type { Issue } from '../analysis/issue';
import { closestName } from './closest-name';
import { GLOBAL_KEYWORDS, PROXY_KEYWORDS, PROXY_OPTIONS } from './keyword-catalogue';
import { documentedOnlyFrom, type KeywordKind } from './keyword-versions';
import type { Directive, SectionKind } from './types';

const SECTION_LETTER: Partial<Record<SectionKind, string>> = { defaults: 'd', frontend: 'f', listen: 'l', backend: 'b' };
/** Keywords older configs still carry, with what replaced them. */
const REMOVED: Readonly<Record<string, string>> = {
  contimeout: "'timeout connect'",
  clitimeout: "'timeout client'",
  srvtimeout: "'timeout server'",
  redispatch: "'option redispatch'",
  block: "'http-request deny'",
  reqrep: "'http-request replace-header' or 'replace-uri'",
  reqirep: "'http-request replace-header' or 'replace-uri'",
  reqadd: "'http-request add-header'",
  reqdel: "'http-request del-header'",
  reqidel: "'http-request del-header'",
  rspadd: "'http-response add-header'",
  rspdel: "'http-response del-header'",
  rspidel: "'http-response del-header'",
  rsprep: "'http-response replace-header'",
  rspirep: "'http-response replace-header'",
  'monitor-net': "'http-request return' with an 'src' ACL, or 'monitor-uri'",
};

const SECTION_NAME: Record<string, string> = { d: 'defaults', f: 'frontend', l: 'listen', b: 'backend' };

/**
 * Flags keywords the catalogue does not know in global and proxy sections
 * (other sections are not catalogued and never flagged), proxy keywords
 * used in a section that does not allow them, and known keywords that HAProxy
 * `version` does not know yet.
 */
export function checkKeyword(d: Directive, section: SectionKind, file: string, version: string): Issue | undefined {
  if (section === 'global') {
    if (!GLOBAL_KEYWORDS.has(d.keyword)) {
      return unknown(d, d.keyword, 'global', closestName(d.keyword, GLOBAL_KEYWORDS), file, d.keywordSpan);
    }
    return notYetKnown('global', d.keyword, d.keyword, version, file, d.keywordSpan);
  }
  const letter = SECTION_LETTER[section];
  if (!letter) {
    return undefined;
  }
  let keyword = d.keyword;
  let span = d.keywordSpan;
  let args = d.args;
  if ((keyword === 'no' || keyword === 'default') && args[0]) {
    keyword = args[0].value;
    span = args[0].span;
    args = args.slice(1);
  }
  if (keyword === 'option' && args[0]) {
    const name = args[0].value;
    const allowed = PROXY_OPTIONS[name];
    if (allowed === undefined) {
      return unknown(d, `option ${name}`, section, suggestion('option ', closestName(name, Object.keys(PROXY_OPTIONS))), file, args[0].span);
    }
    return allowed.includes(letter) ? notYetKnown('option', name, `option ${name}`, version, file, args[0].span) : wrongSection(`option ${name}`, section, allowed, file, args[0].span);
  }
  const allowed = PROXY_KEYWORDS[keyword];
  const replacement = REMOVED[keyword];
  if (allowed === undefined && replacement) {
    return { code: 'directive/unknown', severity: 'warning', message: `'${keyword}' was removed from HAProxy (2.1+): use ${replacement}`, file, span };
  }
  if (allowed === undefined) {
    return unknown(d, keyword, section, closestName(keyword, Object.keys(PROXY_KEYWORDS)), file, span);
  }
  if (!allowed.includes(letter)) {
    return wrongSection(keyword, section, allowed, file, span);
  }
  const timeout = keyword === 'timeout' ? args[0] : undefined;
  return timeout ? notYetKnown('timeout', timeout.value, `timeout ${timeout.value}`, version, file, timeout.span) : notYetKnown('proxy', keyword, keyword, version, file, span);
}

/** `directive/not-in-version` when the documentation lists `keyword` only from a release later than `version`. */
/**
 * The words `checkKeyword` reads, as one string: the keyword, and the word
 * or two after it that name an option or a timeout (after `no` or
 * `default` too). Directives with the same key get the same verdict in the
 * same kind of section and version, only at other positions: thousands of
 * `server` lines, each a different text, are checked once.
 */
export function keywordCheckKey(d: Directive): string {
  const k = d.keyword;
  const a0 = d.args[0]?.value;
  if (a0 === undefined) {
    return k;
  }
  if (k === 'option' || k === 'timeout') {
    return `${k}\0${a0}`;
  }
  if (k === 'no' || k === 'default') {
    const a1 = d.args[1]?.value;
    return (a0 === 'option' || a0 === 'timeout') && a1 !== undefined ? `${k}\0${a0}\0${a1}` : `${k}\0${a0}`;
  }
  return k;
}

function notYetKnown(kind: KeywordKind, keyword: string, shown: string, version: string, file: string, span: { start: number; end: number }): Issue | undefined {
  const since = documentedOnlyFrom(kind, keyword, version);
  if (since === undefined) {
    return undefined;
  }
  return {
    code: 'directive/not-in-version',
    severity: 'warning',
    message: `HAProxy ${version} does not know '${shown}': its documentation lists it from ${since} on (set haproxy.version to the version you run)`,
    file,
    span,
  };
}

function suggestion(prefix: string, name: string | undefined): string | undefined {
  return name === undefined ? undefined : prefix + name;
}

function unknown(_d: Directive, keyword: string, section: string, closest: string | undefined, file: string, span: { start: number; end: number }): Issue {
  const hint = closest ? `; did you mean '${closest}'?` : '';
  return { code: 'directive/unknown', severity: 'warning', message: `Unknown keyword '${keyword}' in ${section} section${hint}`, file, span };
}

function wrongSection(keyword: string, section: string, allowed: string, file: string, span: { start: number; end: number }): Issue {
  const where = [...allowed].map((l) => SECTION_NAME[l]).join(', ');
  // HAProxy mostly ignores such a keyword with a warning rather than refusing the file.
  return { code: 'directive/wrong-section', severity: 'warning', message: `'${keyword}' has no effect in a ${section} section (allowed in: ${where})`, file, span };
}
