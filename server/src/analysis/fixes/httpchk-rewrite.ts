import { configWord } from './text-edits';

/** The parts of an `option httpchk <method> <uri> <version…>` line. */
export interface HttpchkParts {
  readonly method: string;
  readonly uri: string;
  /** The version word's value, possibly with `\r\n`-separated headers and a body hidden in it. */
  readonly version: string;
}

/** True when the version word hides header lines or a body (what 2.6 warns about). */
export function hidesHeaders(version: string): boolean {
  return /[\r\n]/.test(version);
}

/**
 * The `http-check send` line equivalent to an `option httpchk` line whose
 * version word hides headers (and maybe a body), or undefined when a hidden
 * line is not a `Name: value` header. Header values are log-format strings
 * in `http-check send`, so `%` is doubled.
 *
 * Example: GET, /HealthCheck, "HTTP/1.1\r\nHost: a.fr" →
 * `http-check send meth GET uri /HealthCheck ver HTTP/1.1 hdr Host a.fr`.
 */
export function httpCheckSendLine(parts: HttpchkParts): string | undefined {
  const lines = parts.version.split(/\r?\n/);
  const version = lines.shift() ?? '';
  const words = ['http-check', 'send', 'meth', configWord(parts.method), 'uri', configWord(parts.uri)];
  if (version !== '') {
    words.push('ver', configWord(version));
  }
  while (lines.length > 0) {
    const line = lines.shift() as string;
    if (line === '') {
      const body = lines.join('\r\n');
      if (body !== '') {
        words.push('body', configWord(body));
      }
      break;
    }
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) {
      return undefined;
    }
    words.push('hdr', configWord(m[1] as string), configWord((m[2] as string).replace(/%/g, '%%')));
  }
  return words.join(' ');
}
