import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { checkKeyword, keywordCheckKey } from '../../../server/src/model/keyword-check';
import type { Directive, SectionKind } from '../../../server/src/model/types';

/** Words that are keywords, options, timeouts or nothing known, in any position. */
const word = fc.constantFrom('server', 'option', 'no', 'default', 'timeout', 'balance', 'httpchk', 'redispatch', 'check', 'connect', 'tarpit', 'contimeout', 'bogus', 'log', 'maxconn', 'http-check', 'forwardfor', 'x');

function directiveOf(sectionKeyword: string, words: readonly string[]): Directive {
  const config = buildConfigModel(`${sectionKeyword}\n    ${words.join(' ')}\n`, '/k.cfg');
  const d = config.directives[1];
  if (!d) {
    throw new Error('no directive');
  }
  return d;
}

describe('keyword check key', () => {
  it('gives the same verdict to directives with the same key, in every kind of section and version', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.constantFrom<[string, SectionKind]>(['backend b', 'backend'], ['frontend f', 'frontend'], ['defaults', 'defaults'], ['listen l', 'listen'], ['global', 'global']),
        fc.constantFrom('2.0', '2.6', '3.2'),
        (a, b, [header, kind], version) => {
          const da = directiveOf(header, a);
          // Same key words, other words after them: the verdict may not change.
          const db = directiveOf(header, [...a.slice(0, 3), ...b]);
          if (keywordCheckKey(da) !== keywordCheckKey(db)) {
            return;
          }
          const ia = checkKeyword(da, kind, '/k.cfg', version);
          const ib = checkKeyword(db, kind, '/k.cfg', version);
          expect([ib?.code, ib?.message]).toEqual([ia?.code, ia?.message]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('tells apart what the check reads', () => {
    const key = (words: string[]): string => keywordCheckKey(directiveOf('backend b', words));
    expect(key(['server', 'a', '1.2.3.4:80'])).toBe(key(['server', 'b', '10.0.0.1:80', 'check']));
    expect(key(['option', 'httpchk'])).not.toBe(key(['option', 'redispatch']));
    expect(key(['no', 'option', 'httpchk'])).not.toBe(key(['no', 'option', 'redispatch']));
    expect(key(['timeout', 'connect', '5s'])).not.toBe(key(['timeout', 'tarpit', '5s']));
    expect(key(['default', 'timeout', 'connect'])).not.toBe(key(['default', 'timeout', 'tarpit']));
  });
});
