import { lineOf, positionAtLine, spanText, type SourceFile, type Span } from '../engine';

// `http(s)://…`, or `host.tld[:port]/path…` (a dotted host name directly followed by a slash).
const URL_TOKEN = /https?:\/\/[^\s"'<>`]+|(?<![\w./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*(?::\d+)?\/[^\s"'<>`]*/gi;

/**
 * The URL-like token of `file` covering position `at`, if any. Tokens
 * holding a backslash are regular expressions (map keys), not URLs; trailing
 * punctuation is left out.
 */
export function findUrlAt(file: SourceFile, at: number): { url: string; span: Span } | undefined {
  const n = lineOf(file, at);
  const lineStart = positionAtLine(file, n);
  const line = spanText(file, { start: lineStart, end: positionAtLine(file, n + 1) }).replace(/\r?\n$/, '');
  for (const m of line.matchAll(URL_TOKEN)) {
    const url = m[0].replace(/[.,;:)\]]+$/, '');
    const start = lineStart + (m.index ?? 0);
    if (at >= start && at <= start + url.length && !url.includes('\\')) {
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
