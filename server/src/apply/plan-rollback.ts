import { readFileSync } from 'node:fs';
import { restoreLineChanges } from '../engine';
import { appliedEntries, lastRecordedHash, readJournal, sha256, type JournalEntry } from './journal';

/** The text a rollback restores and the journal entry it undoes. */
export interface RollbackPlan {
  readonly entry: JournalEntry;
  readonly before: string;
  readonly after: string;
}

/**
 * Plans undoing the last applied journal entry of `file` matching `scope`
 * (a backend, or a map line), byte for byte.
 *
 * Contract: reads the file and its journal; never throws. Refuses when
 * nothing is recorded, or when the file changed since the journal's last
 * record (its hash differs), or when a recorded line no longer reads as
 * recorded.
 */
export function planRollback(file: string, scope: (e: JournalEntry) => boolean, current?: string): RollbackPlan | { problem: string } {
  let text = current;
  if (text === undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      return { problem: `Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const entries = readJournal(file);
  const entry = appliedEntries(entries, file).filter(scope).pop();
  if (!entry) {
    return { problem: `The journal next to ${file} records no applied step to roll back` };
  }
  const recorded = lastRecordedHash(entries, file);
  if (recorded !== sha256(text)) {
    return { problem: `${file} changed since the journal's last record (sha256 ${recorded?.slice(0, 12)}…, now ${sha256(text).slice(0, 12)}…): refusing to roll back over edits the journal does not know` };
  }
  const restored = restoreLineChanges(text, entry.lines);
  if ('problem' in restored) {
    return { problem: `${restored.problem}: refusing to roll back` };
  }
  return { entry, before: text, after: restored.text };
}
