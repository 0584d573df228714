import type { Global } from '../model/types';

/** HAProxy's defaults (configuration manual, tune.bufsize and tune.maxrewrite). */
const DEFAULT_BUFSIZE = 16384;
const DEFAULT_MAXREWRITE = 1024;

/**
 * The largest request HAProxy reads: tune.bufsize − tune.maxrewrite, with
 * maxrewrite cut to half the buffer when larger, as HAProxy does. A larger
 * request gets 400 Bad Request.
 */
export function largestRequest(global: Global | undefined): number {
  const setting = (keyword: string): number | undefined => {
    const d = global?.directives.find((x) => x.keyword === keyword);
    const n = d ? Number(d.args[0]?.value) : NaN;
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const bufsize = setting('tune.bufsize') ?? DEFAULT_BUFSIZE;
  const maxrewrite = Math.min(setting('tune.maxrewrite') ?? DEFAULT_MAXREWRITE, Math.floor(bufsize / 2));
  return bufsize - maxrewrite;
}

/**
 * Why a request is too large to simulate, or undefined. Only the request
 * line is counted (`GET <target> HTTP/1.1` and its line break), so a request
 * said to fit may still be refused for its headers. Besides saying what
 * HAProxy does, this keeps a URL of megabytes from being matched against
 * every map line.
 */
export function oversizedRequest(method: string, target: string, global: Global | undefined): string | undefined {
  const size = Buffer.byteLength(`${method} ${target} HTTP/1.1\r\n`);
  const limit = largestRequest(global);
  return size > limit
    ? `cannot simulate: the request line alone is ${size} bytes, more than the ${limit} bytes HAProxy reads (tune.bufsize − tune.maxrewrite); HAProxy answers such a request with 400 Bad Request`
    : undefined;
}
