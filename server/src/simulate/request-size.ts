import type { HaproxyConfig } from '../model/types';
import type { RequestHeader } from './request';

/** HAProxy's defaults (configuration manual: tune.bufsize, tune.maxrewrite, tune.http.maxhdr). */
const DEFAULT_BUFSIZE = 16384;
const DEFAULT_MAXREWRITE = 1024;
const DEFAULT_MAXHDR = 101;

/*
 * HAProxy 2.6 keeps a request's head in its buffer as HTX blocks: one for
 * the start line, holding method, target and version without the blanks and
 * line break; one per header, holding name and value without `: ` and the
 * line break; and an empty one for the end of the headers. Each block costs
 * 8 bytes besides its text, and the buffer gives up 69 bytes of its own
 * (the HTX header and the start line's fields). Measured against HAProxy
 * 2.6.12 with raw requests: the longest request line it answers is
 * bufsize − maxrewrite − 81 bytes with no header, 13 bytes shorter with
 * `Host: x`, for buffers of 16 and 32 KB and maxrewrite 0, 1024 and 2048.
 */
const HTX_BLOCK = 8;
const HTX_RESERVED = 69;

/** What HAProxy accepts in a request head, from `global`. */
export interface RequestLimits {
  /** Bytes of HTX blocks the head may take: tune.bufsize − tune.maxrewrite − what HTX keeps for itself. */
  readonly headBytes: number;
  /** Headers a request may carry: fewer than tune.http.maxhdr. */
  readonly headers: number;
}

/**
 * The request-head limits of a config. maxrewrite is cut to half the buffer
 * when larger, as HAProxy does; global lines apply in order, in every global
 * section, so the last one wins.
 */
export function requestLimits(config: HaproxyConfig): RequestLimits {
  const setting = (keyword: string, min: number): number | undefined => {
    let value: number | undefined;
    for (const section of config.sections) {
      if (section.kind !== 'global') {
        continue;
      }
      for (const d of section.directives) {
        const n = d.keyword === keyword ? Number(d.args[0]?.value) : NaN;
        if (Number.isInteger(n) && n >= min) {
          value = n;
        }
      }
    }
    return value;
  };
  const bufsize = setting('tune.bufsize', 1) ?? DEFAULT_BUFSIZE;
  const maxrewrite = Math.min(setting('tune.maxrewrite', 0) ?? DEFAULT_MAXREWRITE, Math.floor(bufsize / 2));
  return { headBytes: bufsize - maxrewrite - HTX_RESERVED, headers: (setting('tune.http.maxhdr', 1) ?? DEFAULT_MAXHDR) - 1 };
}

/** The bytes of HTX blocks an HTTP/1.1 request head takes in HAProxy's buffer. */
export function requestHeadBytes(method: string, target: string, headers: readonly RequestHeader[]): number {
  let size = HTX_BLOCK + Buffer.byteLength(method) + Buffer.byteLength(target) + Buffer.byteLength('HTTP/1.1') + HTX_BLOCK;
  for (const h of headers) {
    size += HTX_BLOCK + Buffer.byteLength(h.name) + Buffer.byteLength(h.value);
  }
  return size;
}

/**
 * Why HAProxy refuses a request head with 400 Bad Request before any rule
 * runs, or undefined. `headers` are those HAProxy receives (Host included).
 * Besides saying what HAProxy does, this keeps a URL of megabytes from being
 * matched against every map line.
 */
export function oversizedRequest(method: string, target: string, headers: readonly RequestHeader[], config: HaproxyConfig): string | undefined {
  const limits = requestLimits(config);
  if (headers.length > limits.headers) {
    return `cannot simulate: the request has ${headers.length} headers, more than the ${limits.headers} HAProxy accepts (tune.http.maxhdr − 1); HAProxy answers it with 400 Bad Request`;
  }
  const size = requestHeadBytes(method, target, headers);
  return size > limits.headBytes
    ? `cannot simulate: the request line and headers take ${size} bytes in HAProxy's buffer, more than the ${limits.headBytes} it gives them (tune.bufsize − tune.maxrewrite − ${HTX_RESERVED}); HAProxy answers such a request with 400 Bad Request`
    : undefined;
}
