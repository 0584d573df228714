import { SERVER_SETTING_ARITY } from '../model/server-keywords';
import type { Directive, Word } from '../model/types';

/** One setting written on a `server`, `server-template` or `default-server` line. */
export interface WrittenSetting {
  readonly keyword: Word;
  /** The value word; undefined for flags and for a value missing at the end of the line. */
  readonly value: Word | undefined;
}

/**
 * The settings words of a server-like line: after name and address for
 * `server`, after prefix, range and address for `server-template`, every
 * argument for `default-server`; [] for any other directive.
 */
export function serverSettingWords(d: Directive): readonly Word[] {
  switch (d.keyword) {
    case 'server':
      return d.args.slice(2);
    case 'server-template':
      return d.args.slice(3);
    case 'default-server':
      return d.args;
    default:
      return [];
  }
}

/**
 * Settings named `name` on a server-like line, walked with each keyword's
 * arity so a value (`cookie weight`) is never read as a keyword.
 */
export function findServerSettings(d: Directive, name: string): WrittenSetting[] {
  const words = serverSettingWords(d);
  const found: WrittenSetting[] = [];
  let i = 0;
  while (i < words.length) {
    const kw = words[i] as Word;
    const arity = SERVER_SETTING_ARITY.get(kw.value) ?? 0;
    if (kw.value === name) {
      found.push({ keyword: kw, value: arity > 0 ? words[i + 1] : undefined });
    }
    i += 1 + arity;
    if (kw.value === 'source' && words[i]?.value === 'usesrc') {
      i += 2;
    }
  }
  return found;
}

/** True when a server-like line is one that defines servers or their defaults. */
export function isServerLine(d: Directive): boolean {
  return d.keyword === 'server' || d.keyword === 'server-template' || d.keyword === 'default-server';
}
