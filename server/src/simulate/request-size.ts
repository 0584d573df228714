import type { HaproxyConfig } from '../model/types';

/** HAProxy's defaults (configuration manual, tune.bufsize and tune.maxrewrite). */
const DEFAULT_BUFSIZE = 16384;
const DEFAULT_MAXREWRITE = 1024;

/**
 * The largest request HAProxy reads: tune.bufsize − tune.maxrewrite, with
 * maxrewrite cut to half the buffer when larger, as HAProxy does. A larger
 * request gets 400 Bad Request.
 */
export function largestRequest(config: HaproxyConfig): number {
  // HAProxy applies global lines in order, in every global section: the last one wins.
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
  return bufsize - maxrewrite;
}

/**
 * Why a request is too large to simulate, or undefined. Only the request
 * line is counted (`GET <target> HTTP/1.1` and its line break), so a request
 * said to fit may still be refused for its headers. Besides saying what
 * HAProxy does, this keeps a URL of megabytes from being matched against
 * every map line.
 */
export function oversizedRequest(method: string, target: string, config: HaproxyConfig): string | undefined {
  const size = Buffer.byteLength(`${method} ${target} HTTP/1.1\r\n`);
  const limit = largestRequest(config);
  return size > limit
    ? `cannot simulate: the request line alone is ${size} bytes, more than the ${limit} bytes HAProxy reads (tune.bufsize − tune.maxrewrite); HAProxy answers such a request with 400 Bad Request`
    : undefined;
}
