/**
 * Key of `balance uri [whole] [len N] [depth N] [path-only]`, as verified
 * against HAProxy 2.6: the request target is hashed from its start (or from
 * the first `/` of the path with `path-only`) and stops at the first of
 * `?` (unless `whole`), `len` characters, or the slash that would open
 * directory level `depth + 1`.
 */

/** Parsed `balance uri` parameters. */
export interface UriKeyOptions {
  readonly whole: boolean;
  readonly pathOnly: boolean;
  /** Maximum number of characters hashed. */
  readonly len: number | undefined;
  /** Maximum directory depth; each `/` opens one level. */
  readonly depth: number | undefined;
}

/**
 * Reads the words after `balance uri`. Unknown words and `len`/`depth`
 * without a positive integer are ignored (the config check reports them).
 */
export function parseUriOptions(params: readonly string[]): UriKeyOptions {
  let whole = false;
  let pathOnly = false;
  let len: number | undefined;
  let depth: number | undefined;
  for (let i = 0; i < params.length; i++) {
    const word = params[i];
    const value = Number(params[i + 1]);
    if (word === 'whole') {
      whole = true;
    } else if (word === 'path-only') {
      pathOnly = true;
    } else if ((word === 'len' || word === 'depth') && Number.isInteger(value) && value > 0) {
      if (word === 'len') {
        len = value;
      } else {
        depth = value;
      }
      i++;
    }
  }
  return { whole, pathOnly, len, depth };
}

/** Offset of the path in an origin-form (`/p`) or absolute-form (`http://h/p`) target. */
function pathStart(target: string): number {
  if (target.startsWith('/')) {
    return 0;
  }
  const scheme = target.indexOf('://');
  const slash = target.indexOf('/', scheme >= 0 ? scheme + 3 : 0);
  return slash >= 0 ? slash : target.length;
}

/**
 * The exact text `balance uri` hashes for request target `target`.
 *
 * @example uriKey('/a/b/c?x', parseUriOptions(['depth', '2'])) // '/a/b'
 */
export function uriKey(target: string, options: UriKeyOptions): string {
  const start = options.pathOnly ? pathStart(target) : 0;
  const limit = options.len === undefined ? target.length : Math.min(target.length, start + options.len);
  let slashes = 0;
  let end = start;
  for (; end < limit; end++) {
    const c = target[end];
    if (c === '?' && !options.whole) {
      break;
    }
    if (c === '/' && options.depth !== undefined && ++slashes > options.depth) {
      break;
    }
  }
  return target.slice(start, end);
}
