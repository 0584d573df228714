import { PROXY_KEYWORDS } from '../engine';
import type { Section } from '../engine';
import { GLOBAL_KEYWORD_DOCS, PROXY_KEYWORD_DOCS, SECTION_DOCS, SERVER_KEYWORD_DOCS, type KeywordDoc } from './keyword-docs';

const DOCS_URL = 'https://docs.haproxy.org/2.6/configuration.html';

/** `https://docs.haproxy.org/2.6/configuration.html#4.2-option%20httpchk`. */
export function docsLink(section: string, keyword: string): string {
  return `${DOCS_URL}#${section}-${encodeURIComponent(keyword)}`;
}

function docFor(keyword: string, section: Section | undefined, server: boolean): KeywordDoc | undefined {
  if (server) {
    return SERVER_KEYWORD_DOCS[keyword];
  }
  if (section?.header.keyword === keyword && SECTION_DOCS[keyword]) {
    return SECTION_DOCS[keyword];
  }
  if (section?.kind === 'global') {
    return GLOBAL_KEYWORD_DOCS[keyword];
  }
  return PROXY_KEYWORD_DOCS[keyword] ?? (keyword.startsWith('option ') ? PROXY_KEYWORD_DOCS['option'] : undefined);
}

/**
 * Markdown for a keyword: its summary and a link to the 2.6 manual; keywords
 * without a summary still get a link when the manual section is known.
 * Undefined for words that are not keywords.
 */
export function keywordHover(keyword: string, section: Section | undefined, server: boolean): string | undefined {
  const doc = docFor(keyword, section, server);
  const known = doc ?? (server ? undefined : PROXY_KEYWORDS[keyword.split(' ')[0] ?? ''] !== undefined ? { section: '4.2', summary: '' } : undefined);
  if (!known) {
    return undefined;
  }
  // Section headers are described by whole chapters, not keyword entries.
  const link = SECTION_DOCS[keyword] === doc && doc ? `${DOCS_URL}#${doc.section}` : docsLink(known.section, keyword);
  return [`**${keyword}**${known.summary ? ` — ${known.summary}` : ''}`, '', `[HAProxy 2.6 documentation](${link})`].join('\n');
}
