/**
 * Expands a map_regm value template like HAProxy's exp_replace: `\0`–`\9` insert
 * the group (nothing when unset or out of range), `\xHH` inserts a byte, `\c`
 * inserts `c`. Returns undefined where HAProxy fails the converter (a template
 * ending in a lone backslash or a truncated `\x`).
 */
export function expandRegmTemplate(template: string, groups: readonly (string | undefined)[]): string | undefined {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template.charAt(i);
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const next = template.charAt(i + 1);
    if (next === '') {
      return undefined;
    }
    if (next >= '0' && next <= '9') {
      out += groups[Number(next)] ?? '';
      i += 2;
    } else if (next === 'x') {
      if (template.length - i < 4) {
        return undefined;
      }
      // exp_replace does not validate the digits: it maps them arithmetically.
      const nibble = (ch: string): number => {
        let v = ch.toUpperCase().charCodeAt(0) - 0x30;
        if (v > 9) {
          v -= 0x41 - 0x39 - 1;
        }
        return v & 0xff;
      };
      out += String.fromCharCode(((nibble(template.charAt(i + 2)) << 4) + nibble(template.charAt(i + 3))) & 0xff);
      i += 4;
    } else {
      out += next;
      i += 2;
    }
  }
  return out;
}
