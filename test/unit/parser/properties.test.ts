import type { ILexingResult } from 'chevrotain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMapModel } from '../../../server/src/model/build-map';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { parseConfig } from '../../../server/src/parser/parse-config';
import { parseMapFile } from '../../../server/src/parser/parse-map';
import { createSourceFile, lineOfOffset, offsetOf, positionOfOffset } from '../../../server/src/model/source-file';
import { configLexer, mapLexer } from '../../../server/src/parser/tokens';
import { configParser, mapParser } from '../../../server/src/parser/grammar';
import { textOf } from '../../helpers/analyze';

const SEED_CONFIG = `global\n  stats socket /run/haproxy/admin.sock level admin\ndefaults\n  mode http\n  default-server weight 2\nfrontend fe\n  bind :80\n  acl api path_beg -i /api\n  use_backend %[base,map_reg(/etc/haproxy/d.map,bk_default)] if !api || { hdr(host) -m end .fr }\n  http-request set-header Host "a b#c" # comment\n.if defined(X)\n  default_backend be\n.endif\nbackend be\n  option httpchk GET /HealthCheck HTTP/1.1\\r\\nHost:\\ x\n  server s1 'q' weight 25 backup\n`;

/** Characters that matter to the tokenizer, so random strings hit the edge cases. */
const tokenChars = fc.constantFrom(' ', '\t', '\n', '\r', '"', "'", '#', '\\', '$', '{', '}', '%', '[', ']', '(', ')', ',', 'a', 'b', 'x', '0', '.', '\0', 'é', '\f');
const cfgText = fc.oneof(fc.string({ unit: tokenChars, maxLength: 200 }), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }));

/** Applies random single-character edits to a realistic config. */
const mutated = fc
  .array(fc.tuple(fc.nat(SEED_CONFIG.length), fc.nat(3), tokenChars), { maxLength: 8 })
  .map((edits) => edits.reduce((t, [at, len, ch]) => t.slice(0, at) + ch + t.slice(at + len), SEED_CONFIG));

/** A span is inside the text when both ends are positions of a character or line end there (they survive a round trip through offsets). */
const inside = (s: { start: number; end: number }, text: string): boolean => {
  const file = createSourceFile('', text);
  const real = (p: number): boolean => positionOfOffset(file, offsetOf(file, p)) === p;
  return s.start >= 0 && s.start <= s.end && real(s.start) && real(s.end);
};

/** The characters no token covers, after checking that every token's image is the text at its offset, in order. */
function textBetweenTokens(lexed: ILexingResult, text: string): string {
  expect(lexed.errors).toEqual([]);
  let between = '';
  let at = 0;
  for (const t of lexed.tokens) {
    expect(t.startOffset).toBeGreaterThanOrEqual(at);
    expect(text.slice(t.startOffset, t.startOffset + t.image.length)).toBe(t.image);
    between += text.slice(at, t.startOffset);
    at = t.startOffset + t.image.length;
  }
  return between + text.slice(at);
}

describe('parser properties', () => {
  it('tokenizes any config text into tokens that are its text, with only blanks between them', () => {
    fc.assert(
      fc.property(fc.oneof(cfgText, mutated), (text) => {
        expect(textBetweenTokens(configLexer.tokenize(text), text)).toMatch(/^[ \t\f\v]*$/);
      }),
      { numRuns: 400 },
    );
  });

  it('tokenizes any map text into tokens that are its text, with only blanks between them', () => {
    fc.assert(
      fc.property(cfgText, (text) => {
        expect(textBetweenTokens(mapLexer.tokenize(text), text)).toMatch(/^[ \t]*$/);
      }),
      { numRuns: 400 },
    );
  });

  it('parses every non-blank config line into one statement of its tokens', () => {
    fc.assert(
      fc.property(fc.oneof(cfgText, mutated), (text) => {
        const parsed = parseConfig(text, '/p.cfg');
        const lexed = configLexer.tokenize(text);
        expect(parsed.statements.flat()).toEqual(lexed.tokens.filter((t) => t.tokenType.name !== 'NewLine'));
        const file = createSourceFile('', text);
        const lineOf = (offset: number): number => lineOfOffset(file, offset);
        const lines = parsed.statements.map((s) => new Set(s.map((t) => lineOf(t.startOffset))));
        expect(lines.every((l) => l.size === 1)).toBe(true);
        expect(new Set(lines.map((l) => [...l][0])).size).toBe(lines.length);
        // The grammar accepts whatever the lexer yields: no recovery, so no line loses tokens.
        expect(configParser.errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('parses every non-blank map line into one statement', () => {
    fc.assert(
      fc.property(cfgText, (text) => {
        const parsed = parseMapFile(text, '/p.map');
        const fromStatements = parsed.statements.flatMap((s) => [s.comment, s.key, ...s.values].filter((t) => t !== undefined));
        expect(fromStatements).toEqual(mapLexer.tokenize(text).tokens.filter((t) => t.tokenType.name !== 'MapNewLine'));
        expect(parsed.syntaxIssues).toEqual([]);
        expect(mapParser.errors).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random or mutated configs and keeps every span inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(cfgText, mutated), (text) => {
        const m = buildConfigModel(text, '/p.cfg');
        for (const i of m.issues) {
          expect(inside(i.span, text), `${i.code} ${JSON.stringify(i.span)}`).toBe(true);
        }
        for (const d of m.directives) {
          expect(inside(d.span, text)).toBe(true);
          for (const w of d.words) {
            expect(textOf(text, w.span)).toBe(w.raw);
          }
        }
        for (const r of m.mapReferences) {
          expect(inside(r.pathSpan, text)).toBe(true);
        }
        for (const p of m.proxies) {
          for (const s of p.servers) {
            if (s.settings.weightWord) {
              expect(textOf(text, s.settings.weightWord.span)).toBe(s.settings.weightWord.raw);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random map files and keeps key and value spans exact', () => {
    fc.assert(
      fc.property(cfgText, (text) => {
        const m = buildMapModel(text, '/p.map');
        for (const e of m.entries) {
          expect(textOf(text, e.keySpan)).toBe(e.key);
          expect(textOf(text, e.valueSpan)).toBe(e.value);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps damage to the broken line: lines after an unclosed quote are still modelled', () => {
    fc.assert(
      fc.property(fc.nat(SEED_CONFIG.split('\n').length - 2).filter((n) => !/^\.|#/.test(SEED_CONFIG.split('\n')[n] ?? '')), (lineNo) => {
        const lines = SEED_CONFIG.split('\n');
        lines[lineNo] = `${lines[lineNo]} "unclosed`;
        const m = buildConfigModel(lines.join('\n'), '/p.cfg');
        const server = m.proxies.find((p) => p.name === 'be')?.servers[0];
        expect(server?.name).toBe('s1');
        expect(server?.settings.weight).toBe(25);
        expect(m.issues.filter((i) => i.code === 'syntax/unterminated-quote')).toHaveLength(1);
      }),
    );
  });
});
