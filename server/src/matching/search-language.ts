import { JS, NFA, Transformers, transform, visitAst, type NoParent, type Expression } from 'refa';

/**
 * The set of inputs on which a regex search succeeds anywhere (HAProxy never
 * anchors), as an NFA over byte-string code units.
 */
export interface SearchLanguage {
  readonly nfa: NFA;
  /**
   * True when `nfa` is exactly the search language. False when it is a subset:
   * paths through backreferences or lookarounds the automaton cannot encode
   * were dropped, so every word is still a real match but not every match is
   * a word.
   */
  readonly exact: boolean;
}

const NODE_LIMIT = 20_000;
const SIMPLIFY = Transformers.simplify({ ignoreAmbiguity: true, ignoreOrder: true });
// Negated assertions at the pattern edges (`^`, `$`, `\b` against nothing) are
// true when the whole word is matched, so removing them keeps the language.
const EDGE = Transformers.patternEdgeAssertions({ remove: true, inline: false });

function hasPositiveAssertion(expr: NoParent<Expression>): boolean {
  let found = false;
  visitAst(expr, {
    onAssertionEnter(node) {
      found ||= !node.negate;
    },
  });
  return found;
}

function build(source: string, backreferences: 'throw' | 'disable'): SearchLanguage {
  const parser = JS.Parser.fromLiteral({ source: `[^]*(?:${source})[^]*`, flags: '' });
  const { expression, maxCharacter } = parser.parse({ backreferences, assertions: 'parse', maxNodes: NODE_LIMIT });
  let expr: NoParent<Expression> = transform(SIMPLIFY, expression);
  const positive = hasPositiveAssertion(expr);
  if (!positive) {
    expr = transform(EDGE, expr);
  }
  const factory = new NFA.LimitedNodeFactory(NODE_LIMIT);
  try {
    const nfa = NFA.fromRegex(expr, { maxCharacter }, { assertions: 'throw' }, factory);
    return { nfa, exact: backreferences === 'throw' && !positive };
  } catch {
    const nfa = NFA.fromRegex(expr, { maxCharacter }, { assertions: 'disable' }, new NFA.LimitedNodeFactory(NODE_LIMIT));
    return { nfa, exact: false };
  }
}

/**
 * Builds the search language of a translated pattern (`languageSource` from
 * translatePcre). Returns undefined only when even a subset automaton would be
 * too large. Never throws.
 */
export function buildSearchLanguage(languageSource: string): SearchLanguage | undefined {
  try {
    return build(languageSource, 'throw');
  } catch {
    try {
      const under = build(languageSource, 'disable');
      return { nfa: under.nfa, exact: false };
    } catch {
      return undefined;
    }
  }
}
