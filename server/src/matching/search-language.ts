import { JS, NFA, Transformers, transform, visitAst, type Element, type NoParent, type Expression, type Node } from 'refa';

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

function hasAssertion(node: NoParent<Node>): boolean {
  let found = false;
  visitAst(node, {
    onAssertionEnter() {
      found = true;
    },
  });
  return found;
}

const isStart = (e: NoParent<Element> | undefined): boolean => e?.type === 'Assertion' && e.kind === 'behind' && e.negate;
const isEnd = (e: NoParent<Element> | undefined): boolean => e?.type === 'Assertion' && e.kind === 'ahead' && e.negate;

/**
 * Fast path for the common shape `^?core$?` without other assertions: the
 * search language is (Σ*)core(Σ*) with the anchored sides left bare, built by
 * NFA operations instead of AST transformers (several times faster).
 */
function buildSimple(source: string): SearchLanguage | undefined {
  try {
    return buildSimpleOrThrow(source);
  } catch {
    return undefined;
  }
}

function buildSimpleOrThrow(source: string): SearchLanguage | undefined {
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: '' }).parse({ backreferences: 'throw', assertions: 'parse', maxNodes: NODE_LIMIT });
  const only = expression.alternatives.length === 1 ? expression.alternatives[0] : undefined;
  if (only === undefined) {
    return undefined;
  }
  const elements = [...only.elements];
  const anchoredStart = isStart(elements[0]);
  if (anchoredStart) {
    elements.shift();
  }
  const anchoredEnd = isEnd(elements[elements.length - 1]);
  if (anchoredEnd) {
    elements.pop();
  }
  const core: NoParent<Node> = { type: 'Concatenation', elements };
  if (hasAssertion(core)) {
    return undefined;
  }
  const factory = new NFA.LimitedNodeFactory(NODE_LIMIT);
  const nfa = NFA.fromRegex(core, { maxCharacter }, { assertions: 'throw' }, factory);
  const all = NFA.all({ maxCharacter });
  if (!anchoredStart) {
    nfa.prepend(all, factory);
  }
  if (!anchoredEnd) {
    nfa.append(all, factory);
  }
  return { nfa, exact: true };
}

/**
 * Builds the search language of a translated pattern (`languageSource` from
 * translatePcre). Returns undefined only when even a subset automaton would be
 * too large. Never throws.
 */
export function buildSearchLanguage(languageSource: string): SearchLanguage | undefined {
  try {
    return buildSimple(languageSource) ?? build(languageSource, 'throw');
  } catch {
    try {
      const under = build(languageSource, 'disable');
      return { nfa: under.nfa, exact: false };
    } catch {
      return undefined;
    }
  }
}
