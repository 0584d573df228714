/*
 * The intermediate form between scanning a PCRE2 pattern and rendering it as
 * JavaScript. Groups are numbered only when rendering, because emulating an
 * atomic group inserts a capturing group that shifts the user's numbers.
 */

export type GroupKind = 'capture' | 'group' | 'atomic' | 'look';

export type PcreToken =
  /** One quantifiable atom, already in JavaScript syntax. */
  | { readonly t: 'atom'; readonly s: string; readonly lit?: number }
  /** A zero-width JavaScript assertion (`^`, `$`, `\b`, `\B`). */
  | { readonly t: 'assert'; readonly s: string }
  /** PCRE `$`/`\Z`: end of subject or before a final newline. */
  | { readonly t: 'dollar' }
  | { readonly t: 'open'; readonly kind: GroupKind; readonly id: number; readonly prefix: string }
  | { readonly t: 'close'; readonly kind: GroupKind; readonly id: number }
  | { readonly t: 'alt' }
  | { readonly t: 'quant'; readonly s: string }
  /** Reference to user group `ref` (number) or a named group. */
  | { readonly t: 'backref'; readonly ref: number | string };

/** Whether a PCRE `$` at token `at` can only be followed by the end of the match. */
function dollarAtTail(tokens: readonly PcreToken[], at: number): boolean {
  let i = at + 1;
  while (i < tokens.length) {
    const tok = tokens[i];
    if (tok === undefined) {
      return true;
    }
    if (tok.t === 'close' && (tok.kind === 'capture' || tok.kind === 'group')) {
      if (tokens[i + 1]?.t === 'quant') {
        return false;
      }
      i++;
      continue;
    }
    if (tok.t === 'alt') {
      // The rest of this alternative is empty: continue after the enclosing group.
      let depth = 0;
      i++;
      while (i < tokens.length) {
        const t = tokens[i];
        if (t?.t === 'open') {
          depth++;
        } else if (t?.t === 'close') {
          if (depth === 0) {
            break;
          }
          depth--;
        }
        i++;
      }
      continue;
    }
    return false;
  }
  return true;
}

export interface RenderedPcre {
  readonly source: string;
  /** Index = PCRE group number (1-based), value = JavaScript group number. */
  readonly groupMap: readonly number[];
}

/**
 * Renders tokens as a JavaScript pattern (no `u` flag). In 'language' mode a
 * `$` at the end of the pattern consumes the optional final newline instead of
 * looking ahead, which keeps the pattern free of lookarounds for automata.
 */
export function renderPcreTokens(tokens: readonly PcreToken[], mode: 'exec' | 'language'): RenderedPcre {
  const jsNumber = new Map<string, number>();
  const groupMap: number[] = [0];
  let next = 1;
  for (const tok of tokens) {
    if (tok.t === 'open' && (tok.kind === 'capture' || tok.kind === 'atomic')) {
      jsNumber.set(`${tok.kind}:${tok.id}`, next);
      if (tok.kind === 'capture') {
        groupMap[tok.id] = next;
      }
      next++;
    }
  }
  const ref = (key: string): string => `(?:\\${jsNumber.get(key) ?? 0})`;
  let out = '';
  tokens.forEach((tok, index) => {
    switch (tok.t) {
      case 'atom':
      case 'assert':
      case 'quant':
        out += tok.s;
        break;
      case 'dollar':
        out += mode === 'language' && dollarAtTail(tokens, index) ? '\\n?$' : '(?=\\n?$)';
        break;
      case 'open':
        out += tok.kind === 'atomic' ? '(?=(' : tok.prefix;
        break;
      case 'close':
        out += tok.kind === 'atomic' ? `))${ref(`atomic:${tok.id}`)}` : ')';
        break;
      case 'alt':
        out += '|';
        break;
      case 'backref':
        out += typeof tok.ref === 'string' ? `\\k<${tok.ref}>` : ref(`capture:${tok.ref}`);
        break;
    }
  });
  return { source: out, groupMap };
}

/** A pattern that is one literal, optionally anchored: matched without any automaton. */
export interface LiteralPattern {
  /** The literal as a byte string. */
  readonly text: string;
  readonly anchoredStart: boolean;
  /** 'dollar': PCRE `$` (end or before a final newline); 'end': `\z`. */
  readonly anchoredEnd: 'none' | 'dollar' | 'end';
}

/** The literal form of the tokens, when they are `^?literal$?`. */
export function literalPattern(tokens: readonly PcreToken[]): LiteralPattern | undefined {
  let from = 0;
  let to = tokens.length;
  const first = tokens[0];
  const anchoredStart = first?.t === 'assert' && first.s === '^';
  from += anchoredStart ? 1 : 0;
  const last = tokens[to - 1];
  let anchoredEnd: LiteralPattern['anchoredEnd'] = 'none';
  if (to > from && last?.t === 'dollar') {
    anchoredEnd = 'dollar';
  } else if (to > from && last?.t === 'assert' && last.s === '$') {
    anchoredEnd = 'end';
  }
  to -= anchoredEnd === 'none' ? 0 : 1;
  let text = '';
  for (const tok of tokens.slice(from, to)) {
    if (tok.t !== 'atom' || tok.lit === undefined) {
      return undefined;
    }
    text += String.fromCharCode(tok.lit);
  }
  return text === '' ? undefined : { text, anchoredStart, anchoredEnd };
}

/** Longest run of literal atoms every match must contain ('' when unknown). */
export function requiredLiteralOf(tokens: readonly PcreToken[]): string {
  let depth = 0;
  let best = '';
  let run = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as PcreToken;
    if (tok.t === 'alt' && depth === 0) {
      return '';
    }
    depth += tok.t === 'open' ? 1 : tok.t === 'close' ? -1 : 0;
    const literal = depth === 0 && tok.t === 'atom' && tok.lit !== undefined && tokens[i + 1]?.t !== 'quant';
    run = literal ? run + String.fromCharCode(tok.lit ?? 0) : '';
    best = run.length > best.length ? run : best;
  }
  return best;
}
