import { CstParser } from 'chevrotain';
import { Comment, configTokens, LineToken, MapComment, MapField, MapNewLine, mapTokens, NewLine } from './tokens';

/**
 * haproxy.cfg is line-based: a file is lines, a line is words, an optional
 * comment and a line break (absent only at the end of the file). Sections,
 * `.if` blocks and directives are recognised by the model builder from the
 * words, so an unknown keyword never costs a syntax error.
 */
export class ConfigParser extends CstParser {
  constructor() {
    super(configTokens, { recoveryEnabled: true, nodeLocationTracking: 'none', maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public configFile = this.RULE('configFile', () => {
    this.MANY(() => this.SUBRULE(this.line));
  });

  public line = this.RULE('line', () => {
    this.OR([
      { ALT: () => this.CONSUME(NewLine) },
      {
        ALT: () => {
          this.SUBRULE(this.statement);
          this.OPTION(() => this.CONSUME2(NewLine));
        },
      },
    ]);
  });

  public statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.CONSUME(Comment) },
      {
        ALT: () => {
          // Words, unclosed quotes and NUL characters, in order (children.LineToken).
          this.AT_LEAST_ONE(() => this.CONSUME(LineToken));
          this.OPTION(() => this.CONSUME2(Comment));
        },
      },
    ]);
  });
}

/** Map files: a line is a comment, or a key with an optional value. */
export class MapParser extends CstParser {
  constructor() {
    super(mapTokens, { recoveryEnabled: true, nodeLocationTracking: 'none', maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  public mapFile = this.RULE('mapFile', () => {
    this.MANY(() => this.SUBRULE(this.mapLine));
  });

  public mapLine = this.RULE('mapLine', () => {
    this.OR([
      { ALT: () => this.CONSUME(MapNewLine) },
      {
        ALT: () => {
          this.SUBRULE(this.mapStatement);
          this.OPTION(() => this.CONSUME2(MapNewLine));
        },
      },
    ]);
  });

  public mapStatement = this.RULE('mapStatement', () => {
    this.OR([
      { ALT: () => this.CONSUME(MapComment) },
      {
        ALT: () => {
          this.CONSUME(MapField, { LABEL: 'key' });
          this.MANY(() => this.CONSUME2(MapField, { LABEL: 'value' }));
        },
      },
    ]);
  });
}

export const configParser = new ConfigParser();
export const mapParser = new MapParser();
