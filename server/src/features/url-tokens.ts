import type { Span } from '../engine';

// `http(s)://…`, or `host.tld[:port]/path…` (a dotted host name directly followed by a slash).
const URL_TOKEN = /https?:\/\/[^\s"'<>`]+|(?<![\w./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*(?::\d+)?\/[^\s"'<>`]*/gi;

/**
 * The URL-like token of `text` covering `offset`, if any. Tokens holding a
 * backslash are regular expressions (map keys), not URLs; trailing
 * punctuation is left out.
 */
export function findUrlAt(text: string, offset: number): { url: string; span: Span } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl);
  for (const m of line.matchAll(URL_TOKEN)) {
    const url = m[0].replace(/[.,;:)\]]+$/, '');
    const start = lineStart + (m.index ?? 0);
    if (offset >= start && offset <= start + url.length && !url.includes('\\')) {
      return { url, span: { start, end: start + url.length } };
    }
  }
  return undefined;
}

/** Splits a URL token into host and path (with query); a bare `host/path` means http. */
export function splitUrl(url: string): { scheme: 'http' | 'https'; host: string; path: string } {
  const m = /^(?:(https?):\/\/)?([^/?#]*)([^#]*)/i.exec(url);
  const scheme = m?.[1]?.toLowerCase() === 'https' ? 'https' : 'http';
  return { scheme, host: m?.[2] ?? '', path: m?.[3] || '/' };
}
