import { RegExpParser } from '@eslint-community/regexpp';
import { addAsciiCase, complementRanges, renderClass, renderLiteral, type Ranges } from './pcre-char-sets';
import { parsePcreClass } from './pcre-class';
import { parsePcreEscape } from './pcre-escape';
import { checkLookbehinds } from './pcre-lookbehind';
import { literalPattern, renderPcreTokens, requiredLiteralOf, type GroupKind, type LiteralPattern, type PcreToken } from './pcre-tokens';

export interface PcreTranslateOptions {
  /** PCRE2_CASELESS (ACL `-i`). */
  readonly caseless: boolean;
  /** PCRE2_NO_AUTO_CAPTURE: set by HAProxy for `reg` (ACLs and map_reg), not for map_regm. */
  readonly noAutoCapture?: boolean;
}

export type PcreTranslation =
  | {
      readonly ok: true;
      /** JavaScript pattern with PCRE2 semantics, for `new RegExp(source, flags)`. */
      readonly source: string;
      /** Same language, but a final `$` consumes `\n?` so automata need no lookaround. */
      readonly languageSource: string;
      /** Always '' (case folding is expanded into classes so it stays ASCII-only, like PCRE2). */
      readonly flags: string;
      readonly notes: readonly string[];
      /** Index = PCRE group number, value = JavaScript group number. */
      readonly groupMap: readonly number[];
      readonly hasBackreferences: boolean;
      /** Set when the pattern is `^?literal$?`, so it can be matched without automata. */
      readonly literal: LiteralPattern | undefined;
      /** Longest literal every match contains (a prefilter; '' when unknown). */
      readonly requiredLiteral: string;
      /** No anchors, `\b`/`\B` or lookarounds: a match inside a string is a match inside any string containing it. */
      readonly contextFree: boolean;
    }
  | {
      readonly ok: false;
      /** 'invalid': PCRE2 itself rejects the pattern; 'unsupported': valid PCRE2 we cannot simulate. */
      readonly kind: 'invalid' | 'unsupported';
      readonly reason: string;
    };

interface Frame {
  readonly kind: GroupKind;
  readonly id: number;
  readonly openAt: number;
  readonly saved: Flags;
}

interface Flags {
  caseless: boolean;
  dotall: boolean;
  extended: boolean;
  noAutoCapture: boolean;
}

type Fail = { readonly ok: false; readonly kind: 'invalid' | 'unsupported'; readonly reason: string };
const invalid = (message: string): Fail => ({ ok: false, kind: 'invalid', reason: `invalid regex: ${message}` });
const unsupported = (message: string): Fail => ({ ok: false, kind: 'unsupported', reason: `cannot simulate: ${message}` });

/** Counts capturing groups roughly the way PCRE numbers them (for `\12` octal vs backreference). */
function countGroups(p: string, noAuto: boolean): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p.charAt(i);
    if (c === '\\') {
      i++;
    } else if (inClass) {
      inClass = c !== ']';
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && (/^\((\?P?<[A-Za-z_]|\?')/.test(p.slice(i)) || (!noAuto && p.charAt(i + 1) !== '?' && p.charAt(i + 1) !== '*'))) {
      n++;
    }
  }
  return n;
}

const classAtom = (ranges: Ranges, flags: Flags, negated = false): PcreToken => ({
  t: 'atom',
  s: renderClass(flags.caseless ? addAsciiCase(ranges) : ranges, negated),
});

function charAtom(code: number, flags: Flags): PcreToken {
  const isLetter = (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
  return flags.caseless && isLetter ? classAtom([[code, code]], flags) : { t: 'atom', s: renderLiteral(code), lit: code };
}

/**
 * Translates a PCRE2 pattern (as HAProxy compiles it: no UTF, no multiline, only
 * CASELESS and NO_AUTO_CAPTURE) into an equivalent JavaScript pattern. The
 * pattern must already be a byte string (see toByteString). Never throws:
 * patterns PCRE2 rejects give kind 'invalid', valid ones whose semantics we
 * cannot reproduce give kind 'unsupported'.
 */
export function translatePcre(pattern: string, opts: PcreTranslateOptions): PcreTranslation {
  const flags: Flags = { caseless: opts.caseless, dotall: false, extended: false, noAutoCapture: opts.noAutoCapture === true };
  const totalGroups = countGroups(pattern, flags.noAutoCapture);
  const tokens: PcreToken[] = [];
  const frames: Frame[] = [];
  const notes = new Set<string>();
  const names = new Map<string, number>();
  let groups = 0;
  let atomics = 0;
  let lastAtom = -1;
  let hasBackreferences = false;
  let i = 0;
  const push = (tok: PcreToken, atom: boolean): void => {
    if (atom) {
      lastAtom = tokens.length;
    }
    tokens.push(tok);
  };
  const openGroup = (kind: GroupKind, prefix: string, saved: Flags): void => {
    const id = kind === 'capture' ? ++groups : ++atomics;
    frames.push({ kind, id, openAt: tokens.length, saved });
    tokens.push({ t: 'open', kind, id, prefix });
    lastAtom = -1;
  };
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (flags.extended && /[\s]/.test(c)) {
      i++;
      continue;
    }
    if (flags.extended && c === '#') {
      const nl = pattern.indexOf('\n', i);
      i = nl < 0 ? pattern.length : nl + 1;
      continue;
    }
    if (c === '\\') {
      if (pattern.charAt(i + 1) === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const lit = pattern.slice(i + 2, end < 0 ? pattern.length : end);
        for (const ch of lit) {
          push(charAtom(ch.charCodeAt(0), flags), true);
        }
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      const e = parsePcreEscape(pattern, i + 1, false, totalGroups);
      switch (e.type) {
        case 'invalid':
          return invalid(e.message);
        case 'unsupported':
          return unsupported(e.message);
        case 'char':
          push(charAtom(e.code, flags), true);
          break;
        case 'class':
          push(classAtom(e.ranges, flags), true);
          break;
        case 'assert':
          if (e.what === 'dollar') {
            push({ t: 'dollar' }, false);
          } else {
            push({ t: 'assert', s: { start: '^', end: '$', word: '\\b', 'non-word': '\\B' }[e.what] }, false);
          }
          lastAtom = -1;
          break;
        case 'backref': {
          let ref: number | string = e.ref;
          if (typeof ref === 'number' && e.relative) {
            ref = ref < 0 ? groups + ref + 1 : groups + ref;
          }
          if (typeof ref === 'number' && (ref < 1 || ref > totalGroups)) {
            return invalid('reference to non-existent subpattern');
          }
          if (flags.caseless) {
            return unsupported('a backreference in a case-insensitive part of the pattern');
          }
          hasBackreferences = true;
          push({ t: 'backref', ref }, true);
          break;
        }
        case 'quote':
        case 'end-quote':
          break;
      }
      i = 'next' in e ? e.next : i + 2;
      continue;
    }
    if (c === '[') {
      const cls = parsePcreClass(pattern, i + 1, totalGroups);
      if (!cls.ok) {
        return cls.kind === 'invalid' ? invalid(cls.message) : unsupported(cls.message);
      }
      const folded = flags.caseless ? addAsciiCase(cls.ranges) : cls.ranges;
      push({ t: 'atom', s: renderClass(cls.negated ? complementRanges(folded) : folded) }, true);
      i = cls.next;
      continue;
    }
    if (c === '(') {
      const rest = pattern.slice(i);
      const saved = { ...flags };
      if (rest.startsWith('(*')) {
        return unsupported('PCRE2 verbs and start-of-pattern options such as (*UTF)');
      }
      if (rest.startsWith('(?#')) {
        const end = pattern.indexOf(')', i);
        if (end < 0) {
          return invalid('missing ) after (?# comment');
        }
        i = end + 1;
        continue;
      }
      const named = /^\(\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(rest);
      if (named !== null) {
        const name = named[1] ?? named[2] ?? '';
        if (names.has(name)) {
          return invalid(`two named subpatterns have the same name (${name})`);
        }
        names.set(name, groups + 1);
        openGroup('capture', `(?<${name}>`, saved);
        i += named[0].length;
        continue;
      }
      const namedRef = /^\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
      if (namedRef !== null) {
        if (flags.caseless) {
          return unsupported('a backreference in a case-insensitive part of the pattern');
        }
        hasBackreferences = true;
        push({ t: 'backref', ref: namedRef[1] ?? '' }, true);
        i += namedRef[0].length;
        continue;
      }
      if (/^\(\?(?:R|[+-]?\d|&|P>|\(|\|)/.test(rest)) {
        return unsupported('recursion, subroutine calls, conditionals and branch reset groups');
      }
      const look = /^\(\?(<=|<!|=|!)/.exec(rest);
      if (look !== null) {
        openGroup('look', `(?${look[1] ?? ''}`, saved);
        i += look[0].length;
        continue;
      }
      if (rest.startsWith('(?>')) {
        notes.add('atomic groups and possessive quantifiers are emulated with a lookahead and a backreference');
        openGroup('atomic', '', saved);
        i += 3;
        continue;
      }
      const opt = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
      if (opt !== null) {
        const on = opt[1] ?? '';
        const off = opt[2] ?? '';
        for (const letter of on + off) {
          if (!'isxn'.includes(letter)) {
            return letter === 'm' || letter === 'J' || letter === 'U' ? unsupported(`the (?${letter}) option`) : invalid(`unrecognized option letter ${letter}`);
          }
        }
        const set = (letters: string, value: boolean): void => {
          flags.caseless = letters.includes('i') ? value : flags.caseless;
          flags.dotall = letters.includes('s') ? value : flags.dotall;
          flags.extended = letters.includes('x') ? value : flags.extended;
          flags.noAutoCapture = letters.includes('n') ? value : flags.noAutoCapture;
        };
        set(on, true);
        set(off, false);
        if (opt[3] === ':') {
          openGroup('group', '(?:', saved);
        }
        i += opt[0].length;
        continue;
      }
      if (rest.startsWith('(?')) {
        return unsupported('recursion, subroutine calls, conditionals and branch reset groups');
      }
      openGroup(flags.noAutoCapture ? 'group' : 'capture', flags.noAutoCapture ? '(?:' : '(', saved);
      i++;
      continue;
    }
    if (c === ')') {
      const frame = frames.pop();
      if (frame === undefined) {
        return invalid('unmatched closing parenthesis');
      }
      tokens.push({ t: 'close', kind: frame.kind, id: frame.id });
      Object.assign(flags, frame.saved);
      lastAtom = frame.openAt;
      i++;
      continue;
    }
    const quant = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(pattern.slice(i));
    if (quant !== null) {
      if (lastAtom < 0) {
        return invalid('quantifier does not follow a repeatable item');
      }
      let end = i + quant[0].length;
      const mode = pattern.charAt(end);
      const possessive = mode === '+';
      const lazy = mode === '?';
      end += possessive || lazy ? 1 : 0;
      const q: PcreToken = { t: 'quant', s: quant[0] + (lazy ? '?' : '') };
      if (possessive) {
        notes.add('atomic groups and possessive quantifiers are emulated with a lookahead and a backreference');
        const id = ++atomics;
        tokens.splice(lastAtom, 0, { t: 'open', kind: 'atomic', id, prefix: '' });
        tokens.push(q, { t: 'close', kind: 'atomic', id });
      } else {
        tokens.push(q);
      }
      lastAtom = -1;
      i = end;
      continue;
    }
    if (c === '|') {
      push({ t: 'alt' }, false);
      lastAtom = -1;
    } else if (c === '^') {
      push({ t: 'assert', s: '^' }, false);
      lastAtom = -1;
    } else if (c === '$') {
      notes.add('$ also matches before a final newline, as in PCRE2');
      push({ t: 'dollar' }, false);
      lastAtom = -1;
    } else if (c === '.') {
      push(classAtom(flags.dotall ? [[0, 0xffff]] : complementRanges([[0x0a, 0x0a]]), flags), true);
    } else {
      push(charAtom(pattern.charCodeAt(i), flags), true);
    }
    i++;
  }
  if (frames.length > 0) {
    return invalid('missing closing parenthesis');
  }
  for (const tok of tokens) {
    if (tok.t === 'backref' && typeof tok.ref === 'string' && !names.has(tok.ref)) {
      return invalid(`reference to non-existent subpattern ${tok.ref}`);
    }
  }
  const exec = renderPcreTokens(tokens, 'exec');
  const language = renderPcreTokens(tokens, 'language');
  try {
    new RegExp(exec.source);
    if (exec.source.includes('(?<=') || exec.source.includes('(?<!')) {
      const ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(exec.source, 0, exec.source.length, { unicode: false });
      const lookbehind = checkLookbehinds(ast);
      if (lookbehind !== undefined) {
        return invalid(lookbehind);
      }
    }
  } catch (e) {
    return invalid(e instanceof Error ? e.message : String(e));
  }
  return { ok: true, source: exec.source, languageSource: language.source, flags: '', notes: [...notes], groupMap: exec.groupMap, hasBackreferences,
    literal: literalPattern(tokens),
    requiredLiteral: requiredLiteralOf(tokens),
    contextFree: tokens.every((tok) => tok.t !== 'assert' && tok.t !== 'dollar' && !(tok.t === 'open' && tok.kind === 'look')),
  };
}
