import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LineChange } from '../engine';

/** Folder and file of the journal, next to the edited file. */
export const JOURNAL_DIR = '.haproxy-migration';
export const JOURNAL_FILE = 'history.jsonl';

/** One applied change, one JSON line of `.haproxy-migration/history.jsonl`. */
export interface JournalEntry {
  readonly id: string;
  readonly kind: 'step' | 'abort' | 'promote' | 'rollback';
  /** Name of the edited file, relative to the journal's folder. */
  readonly file: string;
  /** Backend of a ramp step; the map line's backend for a promotion. */
  readonly backend: string | undefined;
  /** 1-based map line of a promotion. */
  readonly mapLine: number | undefined;
  /** Target share before and after, e.g. `1/4 (25%)`; backends before/after for a promotion. */
  readonly from: string;
  readonly to: string;
  readonly time: string;
  /** sha256 of the whole file before and after. */
  readonly hashBefore: string;
  readonly hashAfter: string;
  /** The previous and new bytes of each changed line. */
  readonly lines: readonly LineChange[];
  /** For a rollback: the id of the entry it undid. */
  readonly undoes?: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function journalPath(editedFile: string): string {
  return join(dirname(editedFile), JOURNAL_DIR, JOURNAL_FILE);
}

/** Every entry of the journal next to `editedFile` (all files), oldest first; unreadable lines are skipped. */
export function readJournal(editedFile: string): JournalEntry[] {
  let text: string;
  try {
    text = readFileSync(journalPath(editedFile), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') {
      return [];
    }
    try {
      return [JSON.parse(line) as JournalEntry];
    } catch {
      return [];
    }
  });
}

/** Appends one entry (the line is written with a single append, then the journal is complete or absent). */
export function appendJournal(editedFile: string, entry: Omit<JournalEntry, 'id' | 'file' | 'time'>): JournalEntry {
  const full: JournalEntry = {
    id: sha256(`${entry.hashBefore}${entry.hashAfter}${Date.now()}${Math.random()}`).slice(0, 16),
    file: basename(editedFile),
    time: new Date().toISOString(),
    ...entry,
  };
  mkdirSync(dirname(journalPath(editedFile)), { recursive: true });
  appendFileSync(journalPath(editedFile), JSON.stringify(full) + '\n');
  return full;
}

/**
 * The entries of `editedFile` still in effect, oldest first: every step,
 * abort and promotion minus those a later rollback undid.
 */
export function appliedEntries(entries: readonly JournalEntry[], editedFile: string): JournalEntry[] {
  const name = basename(editedFile);
  const stack: JournalEntry[] = [];
  for (const e of entries.filter((x) => x.file === name)) {
    if (e.kind === 'rollback') {
      const at = stack.findIndex((s) => s.id === e.undoes);
      if (at >= 0) {
        stack.splice(at, 1);
      }
    } else {
      stack.push(e);
    }
  }
  return stack;
}

/** The hash the journal last recorded for `editedFile`, or undefined when it has no entry. */
export function lastRecordedHash(entries: readonly JournalEntry[], editedFile: string): string | undefined {
  const name = basename(editedFile);
  return entries.filter((e) => e.file === name).pop()?.hashAfter;
}
