import { parseSampleExpression, type SampleCall, type SampleExpression } from '../parser/sample-expression';
import { joinSpans, type Span } from './span';
import type { AclCriterion, AclFlags, Condition, ConditionTerm, Word } from './types';
import { valueSpanToFile } from './word-values';

/** Index of the `if`/`unless` word that starts a rule's condition, or -1. */
export function conditionStart(args: readonly Word[], from = 0): number {
  for (let i = from; i < args.length; i++) {
    const v = args[i]?.value;
    if (v === 'if' || v === 'unless') {
      return i;
    }
  }
  return -1;
}

/**
 * Parses `if|unless` followed by terms (reference §4.3): `!` negation (a word
 * of its own or a prefix), `or`/`||` between AND-groups, `{ … }` anonymous
 * ACLs. Returns undefined when `words` does not start with if/unless.
 */
export function parseCondition(words: readonly Word[]): Condition | undefined {
  const head = words[0];
  if (!head || (head.value !== 'if' && head.value !== 'unless')) {
    return undefined;
  }
  const alternatives: ConditionTerm[][] = [[]];
  let negated = false;
  let i = 1;
  while (i < words.length) {
    const w = words[i] as Word;
    const v = w.value;
    if (v === '!') {
      negated = !negated;
      i++;
      continue;
    }
    if (v.toLowerCase() === 'or' || v === '||') {
      alternatives.push([]);
      negated = false;
      i++;
      continue;
    }
    const current = alternatives[alternatives.length - 1] as ConditionTerm[];
    if (v === '{' || v === '!{') {
      let close = i + 1;
      while (close < words.length && words[close]?.value !== '}') {
        close++;
      }
      const body = words.slice(i + 1, close);
      const endWord = words[Math.min(close, words.length - 1)] as Word;
      current.push({ kind: 'anonymous', negated: negated !== (v === '!{'), criterion: body.length ? parseAclCriterion(body) : undefined, span: joinSpans(w.span, endWord.span) });
      negated = false;
      i = close + 1;
      continue;
    }
    let name = v;
    let neg = negated;
    while (name.startsWith('!')) {
      neg = !neg;
      name = name.slice(1);
    }
    current.push({ kind: 'named', negated: neg, name, span: w.span });
    negated = false;
    i++;
  }
  const last = words[words.length - 1] as Word;
  return { polarity: head.value, alternatives, span: joinSpans(head.span, last.span) };
}


/** Parses `fetch[,conv…] [-i] [-f file] [-m method] [--] [patterns…]`. */
export function parseAclCriterion(words: readonly Word[]): AclCriterion | undefined {
  const fetchWord = words[0];
  if (!fetchWord) {
    return undefined;
  }
  let ignoreCase = false;
  let matchMethod: string | undefined;
  let mapFile = false;
  const files: Word[] = [];
  let i = 1;
  while (i < words.length) {
    const v = (words[i] as Word).value;
    if (v === '--') {
      i++;
      break;
    }
    if (!v.startsWith('-') || v.length < 2 || !/^-[a-zA-Z]$/.test(v)) {
      break;
    }
    if (v === '-i') {
      ignoreCase = true;
    } else if (v === '-M') {
      mapFile = true;
    } else if (v === '-m') {
      matchMethod = words[i + 1]?.value;
      i++;
    } else if (v === '-f') {
      const f = words[i + 1];
      if (f) {
        files.push(f);
      }
      i++;
    } else if (v === '-u') {
      i++;
    }
    i++;
  }
  const flags: AclFlags = { ignoreCase, matchMethod, files, mapFile };
  const last = words[words.length - 1] as Word;
  return { fetchWord, expression: parseWordExpression(fetchWord), flags, patterns: words.slice(i), span: joinSpans(fetchWord.span, last.span) };
}

/** Parses a whole word as a sample expression, with spans shifted into the file. */
export function parseWordExpression(word: Word): SampleExpression | undefined {
  const parsed = parseSampleExpression(word.value);
  return parsed.expression ? shiftExpression(parsed.expression, (s) => valueSpanToFile(word, s)) : undefined;
}

/** Rewrites every span of an expression with `map` (value offsets → file positions). */
export function shiftExpression(e: SampleExpression, map: (s: Span) => Span): SampleExpression {
  const call = (c: SampleCall): SampleCall => ({ ...c, nameSpan: map(c.nameSpan), span: map(c.span), argSpans: c.argSpans.map(map) });
  return { fetch: call(e.fetch), converters: e.converters.map(call), span: map(e.span) };
}
