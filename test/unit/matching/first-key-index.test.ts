import fc from 'fast-check';
import { describe, it } from 'vitest';
import { matchMap } from '../../../server/src/matching/match-map';
import { DIR_DELIMITERS, DOM_DELIMITERS, matchWord } from '../../../server/src/matching/match-word';
import { buildMapModel } from '../../../server/src/model/build-map';
import type { MapMatch } from '../../../server/src/model/types';

/** Each kind by its definition: the first line, in file order, whose key matches. */
const DEFINITION: Record<'sub' | 'end' | 'dir' | 'dom', (key: string, input: string) => boolean> = {
  sub: (key, input) => input.includes(key),
  end: (key, input) => input.endsWith(key),
  dir: (key, input) => matchWord(key, input, DIR_DELIMITERS),
  dom: (key, input) => matchWord(key, input, DOM_DELIMITERS),
};

// Few characters, delimiters of both kinds among them, so keys match inputs often.
const text = (min: number) => fc.string({ unit: fc.constantFrom('a', 'b', '.', '/', '?', ':'), minLength: min, maxLength: 8 });

describe('indexed first-in-order lookups', () => {
  for (const match of Object.keys(DEFINITION) as ('sub' | 'end' | 'dir' | 'dom')[]) {
    it(`map_${match} picks the line the definition picks, for short and long inputs`, () => {
      fc.assert(
        fc.property(fc.array(text(1), { minLength: 1, maxLength: 20 }), fc.oneof(text(0), fc.array(text(0), { maxLength: 12 }).map((p) => p.join(''))), (keys, input) => {
          const map = buildMapModel(keys.map((k, i) => `${k} v${i}`).join('\n') + '\n', `/${match}.map`);
          const got = matchMap(map.entries, match as MapMatch, input);
          const want = map.entries.find((e) => DEFINITION[match](e.key, input));
          return 'entry' in got && got.entry === want;
        }),
        { numRuns: 2000 },
      );
    });
  }
});
