import type { MapEntry } from '../model/types';
import { stripDelimiters } from './match-word';

/*
 * First-in-order lookups of map_sub, map_end, map_dir and map_dom without a
 * pass over every line: the lines a key can match are found by looking up
 * the input's own pieces (its substrings of the lengths keys have, its
 * suffixes, its whole-label runs) in a table of keys. With a pass over the
 * lines per lookup, deciding the lines of a 20,000-line domain list took a
 * quarter of a minute. When an input has more pieces than the map has
 * lines, the pass is cheaper and is used instead.
 */

/** Line index of the first entry whose key is each text, and the key lengths present. */
class KeyTable {
  private readonly first = new Map<string, number>();
  readonly lengths: readonly number[];

  constructor(keys: readonly string[]) {
    keys.forEach((k, i) => {
      if (!this.first.has(k)) {
        this.first.set(k, i);
      }
    });
    this.lengths = [...new Set(keys.map((k) => k.length))].sort((a, b) => a - b);
  }

  /** The smaller of `best` and the first line whose key is `piece`. */
  min(best: number, piece: string): number {
    const i = this.first.get(piece);
    return i !== undefined && i < best ? i : best;
  }
}

/** Index of the first entry whose key matches the input, or -1. */
export type FirstKeyLookup = (input: string) => number;

/** map_sub: the first key that occurs anywhere in the input. `scan` is the plain pass, for inputs where it is cheaper. */
export function substringIndex(entries: readonly MapEntry[], scan: FirstKeyLookup): FirstKeyLookup {
  const table = new KeyTable(entries.map((e) => e.key));
  return (input) => {
    if (input.length * table.lengths.length > entries.length) {
      return scan(input);
    }
    let best = Infinity;
    for (const len of table.lengths) {
      for (let s = 0; s + len <= input.length; s++) {
        best = table.min(best, input.slice(s, s + len));
      }
    }
    return best === Infinity ? -1 : best;
  };
}

/** map_end: the first key the input ends with. */
export function suffixIndex(entries: readonly MapEntry[]): FirstKeyLookup {
  const table = new KeyTable(entries.map((e) => e.key));
  return (input) => {
    let best = Infinity;
    for (const len of table.lengths) {
      if (len <= input.length) {
        best = table.min(best, input.slice(input.length - len));
      }
    }
    return best === Infinity ? -1 : best;
  };
}

/**
 * map_dir and map_dom (HAProxy's match_word): the first key that, without
 * its edge delimiters, is a run of whole labels of the input. A key made of
 * delimiters only matches an empty input or one ending with a delimiter.
 */
export function wordIndex(entries: readonly MapEntry[], delimiters: string, scan: FirstKeyLookup): FirstKeyLookup {
  const words = entries.map((e) => stripDelimiters(e.key, delimiters));
  const table = new KeyTable(words);
  const emptyWord = words.indexOf('');
  const isDelimiter = (c: string): boolean => delimiters.includes(c);
  return (input) => {
    const starts: number[] = [];
    const ends: number[] = [];
    for (let c = 0; c < input.length; c++) {
      const delimiter = isDelimiter(input.charAt(c));
      if (!delimiter && (c === 0 || isDelimiter(input.charAt(c - 1)))) {
        starts.push(c);
      }
      if (!delimiter && (c === input.length - 1 || isDelimiter(input.charAt(c + 1)))) {
        ends.push(c + 1);
      }
    }
    if (starts.length * ends.length > entries.length) {
      return scan(input);
    }
    let best = emptyWord >= 0 && (input.length === 0 || isDelimiter(input.charAt(input.length - 1))) ? emptyWord : Infinity;
    for (const s of starts) {
      for (const e of ends) {
        if (e > s) {
          best = table.min(best, input.slice(s, e));
        }
      }
    }
    return best === Infinity ? -1 : best;
  };
}
