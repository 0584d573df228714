/**
 * A sample request as the user describes it, and its split into the parts
 * HAProxy sees. The URL is taken verbatim: no case folding, no percent
 * decoding, no `/../` resolution (HAProxy does none of these, reference §4.5).
 */

/** One extra request header, in the order it is sent. */
export interface RequestHeader {
  readonly name: string;
  readonly value: string;
}

/**
 * What to simulate. `url` is `scheme://authority/path?query` (absolute) or
 * `/path?query` (origin form; give a Host header then).
 */
export interface SimulatedRequest {
  readonly url: string;
  /** Default `GET`. */
  readonly method?: string;
  /** Sent after Host; a `Host` here replaces the URL's authority. */
  readonly headers?: readonly RequestHeader[];
  /** Client IP address (`src`); default 127.0.0.1. */
  readonly src?: string;
  /** Servers assumed down, as `backend/server` (or `backend/*` for every server). */
  readonly down?: readonly string[];
}

/** The URL split into the parts of an HTTP/1.1 request line and Host header. */
export interface ParsedUrl {
  readonly scheme: 'http' | 'https';
  /** Authority as written (port kept), or undefined for an origin-form URL. */
  readonly authority: string | undefined;
  /** Port the request is sent to: explicit, else 80/443 by scheme. */
  readonly port: number;
  /** From the first `/` up to `?` or `#`; `/` when the URL has no path. */
  readonly path: string;
  /** Text after `?` (without it), or undefined when there is no `?`. */
  readonly query: string | undefined;
  /** Text after `#`, or undefined. HAProxy 2.6 rejects such requests with 400. */
  readonly fragment: string | undefined;
}

const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/;

/**
 * Splits a URL without normalising it. Returns a reason string for input that
 * is not an http(s) URL or a path; never throws.
 */
export function parseRequestUrl(url: string): ParsedUrl | { readonly error: string } {
  const trimmed = url.trim();
  let scheme: 'http' | 'https' = 'http';
  let authority: string | undefined;
  let rest = trimmed;
  const m = ABSOLUTE.exec(trimmed);
  if (m) {
    const s = (m[1] as string).toLowerCase();
    if (s !== 'http' && s !== 'https') {
      return { error: `'${url}' is not an http or https URL` };
    }
    scheme = s;
    authority = m[2] as string;
    rest = m[3] as string;
    if (authority === '') {
      return { error: `'${url}' has no host` };
    }
  } else if (!trimmed.startsWith('/')) {
    return { error: `'${url}' is neither an absolute http(s) URL nor a path starting with '/'` };
  }
  if (/\s/.test(rest) || (authority !== undefined && /\s/.test(authority))) {
    return { error: `'${url}' contains white space` };
  }
  const hash = rest.indexOf('#');
  const fragment = hash >= 0 ? rest.slice(hash + 1) : undefined;
  const target = hash >= 0 ? rest.slice(0, hash) : rest;
  const q = target.indexOf('?');
  const path = (q >= 0 ? target.slice(0, q) : target) || '/';
  const query = q >= 0 ? target.slice(q + 1) : undefined;
  const portMatch = authority !== undefined ? /:(\d+)$/.exec(authority) : null;
  const port = portMatch ? parseInt(portMatch[1] as string, 10) : scheme === 'https' ? 443 : 80;
  return { scheme, authority, port, path, query, fragment };
}
