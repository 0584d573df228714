import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { Comment, configTokens, LineToken, MapComment, MapField, MapNewLine, mapTokens, NewLine } from './tokens';

/*
 * Both grammars hand back their lines as plain token lists through embedded
 * actions instead of a concrete syntax tree: a 14,000-line config would
 * otherwise allocate two tree nodes and their child tables per line only to
 * be read once and dropped, which made parsing a first-open cost of its own.
 */

/** A non-blank line of haproxy.cfg: its words, unclosed quotes and NUL characters in order, then its comment if any. */
export type ConfigStatement = readonly IToken[];

/**
 * haproxy.cfg is line-based: a file is lines, a line is words, an optional
 * comment and a line break (absent only at the end of the file). Sections,
 * `.if` blocks and directives are recognised by the model builder from the
 * words, so an unknown keyword never costs a syntax error.
 */
export class ConfigParser extends EmbeddedActionsParser {
  constructor() {
    super(configTokens, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** The non-blank lines, in order. */
  public configFile = this.RULE('configFile', (): ConfigStatement[] => {
    const statements: ConfigStatement[] = [];
    this.MANY(() => {
      const statement = this.SUBRULE(this.line);
      // A rule left by error recovery returns undefined.
      this.ACTION(() => statement && statement.length > 0 && statements.push(statement));
    });
    return statements;
  });

  public line = this.RULE('line', (): ConfigStatement => {
    let statement: ConfigStatement = NO_TOKENS;
    this.OR([
      { ALT: () => this.CONSUME(NewLine) },
      {
        ALT: () => {
          statement = this.SUBRULE(this.statement);
          this.OPTION(() => this.CONSUME2(NewLine));
        },
      },
    ]);
    return statement;
  });

  public statement = this.RULE('statement', (): ConfigStatement => {
    const tokens: IToken[] = [];
    this.OR([
      { ALT: () => tokens.push(this.CONSUME(Comment)) },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => tokens.push(this.CONSUME(LineToken)));
          this.OPTION(() => tokens.push(this.CONSUME2(Comment)));
        },
      },
    ]);
    return tokens;
  });
}

/** A non-blank line of a map file: a comment, or a key and the fields of its value. */
export interface MapStatement {
  readonly comment: IToken | undefined;
  readonly key: IToken | undefined;
  readonly values: readonly IToken[];
}

/** Map files: a line is a comment, or a key with an optional value. */
export class MapParser extends EmbeddedActionsParser {
  constructor() {
    super(mapTokens, { recoveryEnabled: true, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** The non-blank lines, in order. */
  public mapFile = this.RULE('mapFile', (): MapStatement[] => {
    const statements: MapStatement[] = [];
    this.MANY(() => {
      const statement = this.SUBRULE(this.mapLine);
      this.ACTION(() => statement && statements.push(statement));
    });
    return statements;
  });

  public mapLine = this.RULE('mapLine', (): MapStatement | undefined => {
    let statement: MapStatement | undefined;
    this.OR([
      { ALT: () => this.CONSUME(MapNewLine) },
      {
        ALT: () => {
          statement = this.SUBRULE(this.mapStatement);
          this.OPTION(() => this.CONSUME2(MapNewLine));
        },
      },
    ]);
    return statement;
  });

  public mapStatement = this.RULE('mapStatement', (): MapStatement => {
    let comment: IToken | undefined;
    let key: IToken | undefined;
    const values: IToken[] = [];
    this.OR([
      { ALT: () => (comment = this.CONSUME(MapComment)) },
      {
        ALT: () => {
          key = this.CONSUME(MapField);
          this.MANY(() => values.push(this.CONSUME2(MapField)));
        },
      },
    ]);
    return { comment, key, values };
  });
}

const NO_TOKENS: ConfigStatement = [];

export const configParser = new ConfigParser();
export const mapParser = new MapParser();
