/**
 * Keys of `balance url_param` and `balance hdr()`, as verified against
 * HAProxy 2.6.
 */

/**
 * Value of query parameter `name` in `query` (the text after `?`), or
 * undefined when absent.
 *
 * Contract: parameters are separated by `&` only (`;` belongs to the value);
 * names are case-sensitive; the first `name=` wins; `name` without `=` does
 * not count; an empty value is still a value (it hashes to 0).
 */
export function urlParamValue(query: string, name: string): string | undefined {
  for (const part of query.split('&')) {
    if (part.startsWith(`${name}=`)) {
      return part.slice(name.length + 1);
    }
  }
  return undefined;
}

/** The query string of a request target, or undefined when it has no `?`. */
export function queryOf(target: string): string | undefined {
  const at = target.indexOf('?');
  return at >= 0 ? target.slice(at + 1) : undefined;
}

/**
 * The text `balance hdr(<name>)` hashes, or undefined when the header is
 * absent or empty (HAProxy then falls back to round robin).
 *
 * Contract: `values` are the header's occurrences in arrival order. Only the
 * first comma-separated element of the first occurrence counts, trimmed.
 * With `useDomainOnly`, a value with dots is reduced to the label before the
 * last dot (`www.example.com` → `example`, `example.com.` → `com`); a value
 * without dots is used whole (port included).
 */
export function headerKey(values: readonly string[] | undefined, useDomainOnly: boolean): string | undefined {
  const value = values?.[0]?.split(',')[0]?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  if (!useDomainOnly) {
    return value;
  }
  const labels = value.split('.');
  return labels.length >= 2 ? (labels[labels.length - 2] ?? '') : value;
}
