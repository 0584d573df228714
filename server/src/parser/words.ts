import type { Span } from '../model/span';

/** A lexical problem found while unescaping one word. */
export interface WordProblem {
  readonly code: 'syntax/bad-escape' | 'syntax/bad-env-var';
  readonly message: string;
  readonly span: Span;
}

/** One environment variable reference inside double quotes. */
export interface EnvReference {
  readonly name: string;
  readonly defaultValue: string | undefined;
  readonly span: Span;
}

export interface UnescapedWord {
  readonly value: string;
  /**
   * For each character of `value` (and one past the end), its offset in the
   * raw text; `undefined` when the word has no quote or escape (identity).
   */
  readonly rawOffsets: readonly number[] | undefined;
  readonly problems: readonly WordProblem[];
  readonly envRefs: readonly EnvReference[];
}

/** Values of environment variables known at analysis time (none by default). */
export type EnvLookup = (name: string) => string | undefined;

/** A character that makes a word's value differ from its raw text. */
const SPECIAL = /["'\\$]/;
const NONE: readonly never[] = [];

const SIMPLE_ESCAPES: Record<string, string> = { ' ': ' ', '\\': '\\', t: '\t', n: '\n', r: '\r', '#': '#', "'": "'", '"': '"' };

/** True when a word has no quote, escape or variable: its value is its raw text. */
export function isPlainWord(raw: string): boolean {
  return !SPECIAL.test(raw);
}

/**
 * Turns a word's raw text into the value HAProxy sees (reference §1.3):
 * backslash escapes outside single quotes, `$VAR`/`${VAR}`/`${VAR-default}`
 * inside double quotes, quotes removed. Unknown variables stay as written
 * (`${NAME}`), because their value is only known where HAProxy runs.
 * `start` is the raw text's offset in the file, used for problem spans.
 */
export function unescapeWord(raw: string, start: number, env: EnvLookup = () => undefined): UnescapedWord {
  if (isPlainWord(raw)) {
    return { value: raw, rawOffsets: undefined, problems: NONE, envRefs: NONE };
  }
  let value = '';
  const offsets: number[] = [];
  const put = (s: string, at: number): void => {
    value += s;
    for (let k = 0; k < s.length; k++) {
      offsets.push(at);
    }
  };
  const problems: WordProblem[] = [];
  const envRefs: EnvReference[] = [];
  let quote: '"' | "'" | undefined;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (quote === "'") {
      if (c === "'") {
        quote = undefined;
      } else {
        put(c, i);
      }
      i++;
      continue;
    }
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === undefined) {
        put('\\', i);
        i++;
        continue;
      }
      if (next === 'x') {
        const hex = raw.slice(i + 2, i + 4);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          put(String.fromCharCode(parseInt(hex, 16)), i);
          i += 4;
        } else {
          problems.push({ code: 'syntax/bad-escape', message: 'Malformed \\x escape: two hexadecimal digits must follow', span: { start: start + i, end: start + Math.min(raw.length, i + 4) } });
          put('\\x', i);
          i += 2;
        }
        continue;
      }
      if (next === '$') {
        // Inside double quotes `\$` is a literal `$`; unquoted it stays `\$` (obs-2.6).
        put(quote === '"' ? '$' : '\\$', i);
        i += 2;
        continue;
      }
      const simple = SIMPLE_ESCAPES[next];
      put(simple ?? '\\' + next, i);
      i += 2;
      continue;
    }
    if (quote === '"') {
      if (c === '"') {
        quote = undefined;
        i++;
        continue;
      }
      if (c === '$') {
        const at = i;
        i = readEnvReference(raw, i, start, env, envRefs, problems, (s) => put(s, at));
        continue;
      }
      put(c, i);
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      i++;
      continue;
    }
    put(c, i);
    i++;
  }
  offsets.push(raw.length);
  return { value, rawOffsets: offsets, problems, envRefs };
}

function readEnvReference(
  raw: string,
  i: number,
  start: number,
  env: EnvLookup,
  envRefs: EnvReference[],
  problems: WordProblem[],
  emit: (s: string) => void,
): number {
  const braced = raw[i + 1] === '{';
  const nameStart = braced ? i + 2 : i + 1;
  const nameMatch = /^[A-Za-z_.][A-Za-z0-9_.]*/.exec(raw.slice(nameStart));
  if (!nameMatch) {
    problems.push({
      code: 'syntax/bad-env-var',
      message: "Forbidden first character in environment variable name: use '…' quotes or \\$ for a literal $",
      span: { start: start + i, end: start + Math.min(raw.length, nameStart + 1) },
    });
    emit('$');
    return i + 1;
  }
  const name = nameMatch[0];
  let end = nameStart + name.length;
  let defaultValue: string | undefined;
  if (braced) {
    const close = raw.indexOf('}', end);
    if (close < 0) {
      problems.push({ code: 'syntax/bad-env-var', message: 'Missing closing brace in environment variable reference', span: { start: start + i, end: start + raw.length } });
      emit(raw.slice(i));
      return raw.length;
    }
    const rest = raw.slice(end, close);
    if (rest.startsWith('-')) {
      defaultValue = rest.slice(1);
    }
    end = close + 1;
  }
  const written = raw.slice(i, end);
  envRefs.push({ name, defaultValue, span: { start: start + i, end: start + end } });
  const known = env(name);
  emit(known ?? defaultValue ?? written);
  return end;
}
