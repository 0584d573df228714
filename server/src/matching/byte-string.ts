/*
 * HAProxy hands PCRE2 raw bytes (no UTF mode), so one regex "character" is one
 * byte. We model a byte string as a JavaScript string whose code units are all
 * <= 0xFF (latin1 view of the UTF-8 bytes). ASCII text is unchanged.
 */

const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 bytes of `text` as a latin1 string; identity for ASCII text. */
export function toByteString(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/**
 * Inverse of toByteString for display. Returns undefined when the bytes are
 * not valid UTF-8 (such a string cannot be typed as ordinary text).
 */
export function fromByteString(bytes: string): string | undefined {
  if (!NON_ASCII.test(bytes)) {
    return bytes;
  }
  const text = Buffer.from(bytes, 'latin1').toString('utf8');
  return toByteString(text) === bytes ? text : undefined;
}
