import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The shared third-party corpus, read in place (never copied into the repository). */
export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');

export interface CorpusEntry {
  readonly name: string;
  readonly kind: 'config' | 'map';
  /** True when `haproxy -c` accepted the file (SOURCES.tsv says `ok`). */
  readonly acceptedByHaproxy: boolean;
  /** What `haproxy -c` said when it refused the file (its first alert), '' when it accepted it. */
  readonly haproxyAlert: string;
  readonly path: string;
}

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS_DIR, 'SOURCES.tsv'));
}

/** Entries of SOURCES.tsv (columns: local_name … haproxy_c kind). */
export function corpusEntries(): CorpusEntry[] {
  const rows = readFileSync(path.join(CORPUS_DIR, 'SOURCES.tsv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return rows.map((row) => {
    const cols = row.split('\t');
    const name = cols[0] ?? '';
    const kind = cols[7] === 'map' ? 'map' : 'config';
    const verdict = cols[6] ?? '';
    return { name, kind, acceptedByHaproxy: verdict.startsWith('ok'), haproxyAlert: verdict.startsWith('ok') ? '' : verdict, path: path.join(CORPUS_DIR, kind === 'map' ? 'maps' : 'configs', name) };
  });
}
