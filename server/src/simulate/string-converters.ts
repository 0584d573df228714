/**
 * The string converters a routing expression uses besides maps, as HAProxy
 * 2.6 defines them (configuration.txt §7.3.1). Pure functions on one value.
 */

/**
 * `field(index, delimiters[, count])`: 1-based from the start, or negative
 * from the end; `count` 0 means all the remaining fields. Empty fields count.
 * Returns undefined when the index is past the last field (the converter fails).
 */
export function fieldConverter(input: string, index: number, delimiters: string, count = 1): string | undefined {
  const parts: string[] = [];
  let current = '';
  for (const c of input) {
    if (delimiters.includes(c)) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  const range = pickRange(parts.length, index, count);
  return range ? sliceFields(input, delimiters, range.from, range.to) : undefined;
}

/**
 * `word(index, delimiters[, count])`: like field, but runs of delimiters
 * count as one and leading/trailing delimiters are ignored.
 */
export function wordConverter(input: string, index: number, delimiters: string, count = 1): string | undefined {
  const words: { start: number; end: number }[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && delimiters.includes(input.charAt(i))) {
      i++;
    }
    const start = i;
    while (i < input.length && !delimiters.includes(input.charAt(i))) {
      i++;
    }
    if (i > start) {
      words.push({ start, end: i });
    }
  }
  const range = pickRange(words.length, index, count);
  const first = range ? words[range.from] : undefined;
  const last = range ? words[range.to - 1] : undefined;
  return first && last ? input.slice(first.start, last.end) : undefined;
}

function pickRange(n: number, index: number, count: number): { from: number; to: number } | undefined {
  if (index === 0 || n === 0) {
    return undefined;
  }
  if (index > 0) {
    const from = index - 1;
    if (from >= n) {
      return undefined;
    }
    return { from, to: count === 0 ? n : Math.min(n, from + count) };
  }
  const to = n + index + 1;
  if (to <= 0) {
    return undefined;
  }
  return { from: count === 0 ? 0 : Math.max(0, to - count), to };
}

/** Text of fields [from, to) including the delimiters between them, as written. */
function sliceFields(input: string, delimiters: string, from: number, to: number): string {
  let field = 0;
  let start = from === 0 ? 0 : -1;
  for (let i = 0; i < input.length; i++) {
    if (delimiters.includes(input.charAt(i))) {
      field++;
      if (field === from) {
        start = i + 1;
      }
      if (field === to) {
        return input.slice(start, i);
      }
    }
  }
  return start < 0 ? '' : input.slice(start);
}

/** `lower` / `upper`: ASCII only, as HAProxy's tolower/toupper in the C locale. */
export function asciiCase(input: string, to: 'lower' | 'upper'): string {
  return to === 'lower' ? input.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : input.replace(/[a-z]+/g, (s) => s.toUpperCase());
}
