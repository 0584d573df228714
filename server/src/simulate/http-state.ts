import type { ParsedUrl, RequestHeader, SimulatedRequest } from './request';

/**
 * The request as HAProxy's rules see it while they run: header list, path,
 * query and variables change under `http-request` rewrites. Owned by one
 * simulation; copied (never shared) when several frontends are simulated.
 */
export interface HttpState {
  readonly method: string;
  readonly scheme: 'http' | 'https';
  /** Port the client connected to (`dst_port`). */
  readonly port: number;
  readonly src: string;
  headers: RequestHeader[];
  path: string;
  query: string | undefined;
  /** Variables by full name (`txn.x`, `req.x`, `sess.x`). */
  readonly vars: Map<string, string>;
}

/** Builds the state HAProxy starts from: the Host header first, then the extra headers. */
export function createHttpState(request: SimulatedRequest, url: ParsedUrl): HttpState {
  const extra = request.headers ?? [];
  const hasHost = extra.some((h) => h.name.toLowerCase() === 'host');
  const headers: RequestHeader[] = [];
  if (!hasHost && url.authority !== undefined) {
    headers.push({ name: 'Host', value: url.authority });
  }
  headers.push(...extra);
  return {
    method: request.method ?? 'GET',
    scheme: url.scheme,
    port: url.port,
    src: request.src ?? '127.0.0.1',
    headers,
    path: url.path,
    query: url.query,
    vars: new Map(),
  };
}

export function cloneHttpState(s: HttpState): HttpState {
  return { ...s, headers: [...s.headers], vars: new Map(s.vars) };
}

/** Every occurrence of a header (case-insensitive name), whole lines, in order. */
export function headerLines(s: HttpState, name: string): string[] {
  const lower = name.toLowerCase();
  return s.headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}

/**
 * Header values as `hdr()` sees them: every line split on commas, trimmed
 * (reference §4.5). `hdr(host)` in a sample takes the last one.
 */
export function headerValues(s: HttpState, name: string): string[] {
  return headerLines(s, name).flatMap((line) => line.split(',').map((v) => v.trim()));
}

/** `set-header`: removes every occurrence, then appends one. */
export function setHeader(s: HttpState, name: string, value: string): void {
  deleteHeader(s, name);
  s.headers.push({ name, value });
}

export function deleteHeader(s: HttpState, name: string): void {
  const lower = name.toLowerCase();
  s.headers = s.headers.filter((h) => h.name.toLowerCase() !== lower);
}

/** Request target in origin form: path plus `?query` when there is one. */
export function pathWithQuery(s: HttpState): string {
  return s.query === undefined ? s.path : `${s.path}?${s.query}`;
}

/**
 * `base`: the first Host value (first comma element, verbatim) followed by
 * the path; just the path without a Host (reference §4.5).
 */
export function baseOf(s: HttpState): string {
  const host = headerLines(s, 'host')[0]?.split(',')[0]?.trim() ?? '';
  return s.path.startsWith('/') ? host + s.path : host;
}
