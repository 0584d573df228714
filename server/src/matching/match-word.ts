/** Delimiters of `map_dir` / `-m dir`. */
export const DIR_DELIMITERS = '/?';
/** Delimiters of `map_dom` / `-m dom`. */
export const DOM_DELIMITERS = '/?.:';

/** The key with leading and trailing delimiters removed, as HAProxy compares it. */
export function stripDelimiters(key: string, delimiters: string): string {
  let start = 0;
  let end = key.length;
  while (start < end && delimiters.includes(key.charAt(start))) {
    start++;
  }
  while (end > start && delimiters.includes(key.charAt(end - 1))) {
    end--;
  }
  return key.slice(start, end);
}

function fold(s: string, ignoreCase: boolean): string {
  return ignoreCase ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;
}

/**
 * HAProxy's match_word (pattern.c): the key, without its edge delimiters, must
 * occur in the input starting at the beginning or right after a delimiter and
 * ending at the end or right before a delimiter. A key made only of delimiters
 * matches an empty input or one ending with a delimiter (HAProxy compares
 * against the terminating NUL there).
 */
export function matchWord(key: string, input: string, delimiters: string, ignoreCase = false): boolean {
  const word = fold(stripDelimiters(key, delimiters), ignoreCase);
  const text = fold(input, ignoreCase);
  if (word.length > text.length) {
    return false;
  }
  if (word.length === 0) {
    return text.length === 0 || delimiters.includes(text.charAt(text.length - 1));
  }
  let mayMatch = true;
  const last = text.length - word.length;
  for (let c = 0; c <= last; c++) {
    if (delimiters.includes(text.charAt(c))) {
      mayMatch = true;
      continue;
    }
    if (!mayMatch) {
      continue;
    }
    if (text.startsWith(word, c) && (c === last || delimiters.includes(text.charAt(c + word.length)))) {
      return true;
    }
    mayMatch = false;
  }
  return false;
}
