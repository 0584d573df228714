import { expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { lineOf } from '../../../server/src/model/source-file';
import { LINE_STRIDE } from '../../../server/src/model/span';

// A position holds columns below 2^24: a word past that on a huge line is clamped onto its own line, never onto the next.
it('keeps a word past the longest column a position holds on its own line', () => {
  const text = `backend b\n  server s 1.1.1.1:80 ${' '.repeat(LINE_STRIDE)} weight 3\nbackend c\n`;
  const m = buildConfigModel(text, '/h.cfg');
  const d = m.directives[1];
  const last = d?.words[d.words.length - 1];
  expect(last?.raw).toBe('3');
  expect([last?.span.start, last?.span.end, d?.span.end].map((p) => lineOf(m.file, p ?? -1))).toEqual([1, 1, 1]);
  expect(m.proxies.map((p) => [p.name, lineOf(m.file, p.span.start), p.servers[0]?.settings.weight])).toEqual([['b', 0, 3], ['c', 2, undefined]]);
}, 120_000);

// The word pattern once kept one backtracking entry per character and overflowed the stack on a word this long.
it('reads words of millions of characters, bare and quoted, without throwing', () => {
  const long = 'a'.repeat(17_000_000);
  for (const word of [long, `"${long}"`]) {
    const m = buildConfigModel(`backend b\n  server s 1.1.1.1:80 weight ${word}\n`, '/h.cfg');
    expect(m.proxies[0]?.servers[0]?.settings.weightWord?.raw.length).toBe(word.length);
  }
}, 120_000);

// A quote left open must fail in linear time: a word pattern that can split the quoted text several ways backtracks exponentially.
it('reads a long quote left open on its line at once', () => {
  const m = buildConfigModel(`backend b\n  server s 1.1.1.1:80 "${'ab\\c'.repeat(50_000)}\n`, '/h.cfg');
  expect(m.issues.map((i) => i.code)).toContain('syntax/unterminated-quote');
}, 10_000);
