/**
 * A throw-away copy of examples/migration with two planted mistakes, for the
 * end-to-end scenarios:
 *
 * - the catch-all map line (with its comment) moves above the `/v1/` line,
 *   which it then shadows: an unreachable map line;
 * - frontend application-02 gets `use_backend application-03 if …`, a
 *   backend that does not exist.
 *
 * Line numbers are found in the text, not hard-coded, so edits to the
 * example do not silently point the tests at other lines.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** The example the workspaces copy. */
export const MIGRATION_EXAMPLE_DIR = path.join(REPO_ROOT, 'examples', 'migration');

/** The backend the planted `use_backend` names. */
export const MISSING_BACKEND = 'application-03';

/** A prepared workspace folder. */
export interface MigrationWorkspace {
  readonly folder: string;
  readonly configPath: string;
  readonly mapPath: string;
  /** The config's text as written (planted). */
  readonly configText: string;
  readonly mapText: string;
  /** 1-based line of the planted `use_backend application-03`. */
  readonly missingBackendLine: number;
  /** 1-based line of the map line made unreachable (`…\/v1\/`). */
  readonly unreachableMapLine: number;
  /** 1-based line of the map line that now shadows it (the catch-all). */
  readonly shadowingMapLine: number;
  /** 1-based line of the comment URL routed to application-02-mixed. */
  readonly customersUrlLine: number;
  /** 1-based column of that URL's first character. */
  readonly customersUrlColumn: number;
  /** 1-based line of `backend application-01`. */
  readonly rampBackendLine: number;
  /** 1-based line of `backend application-02-mixed`. */
  readonly mixedBackendLine: number;
}

/** 1-based number of the first line satisfying `test`; throws when none does. */
export function lineOf(text: string, test: (line: string) => boolean, what: string): number {
  const index = text.split('\n').findIndex(test);
  if (index < 0) {
    throw new Error(`examples/migration changed: no line with ${what}`);
  }
  return index + 1;
}

function plantMap(map: string): string {
  const lines = map.split('\n');
  const catchAll = lines.findIndex((l) => /^application-02\\\.6play\\\.fr\\\/\s/.test(l));
  const comment = catchAll > 0 && lines[catchAll - 1]?.startsWith('#') ? catchAll - 1 : catchAll;
  if (catchAll < 0) {
    throw new Error('examples/migration changed: no catch-all map line');
  }
  const moved = lines.splice(comment, catchAll - comment + 1);
  const v1 = lines.findIndex((l) => l.includes('\\/v1\\/'));
  if (v1 < 0) {
    throw new Error('examples/migration changed: no /v1/ map line');
  }
  lines.splice(v1, 0, ...moved);
  return lines.join('\n');
}

function plantConfig(config: string): string {
  const anchor = '    use_backend %[base,map_reg(';
  if (!config.includes(anchor)) {
    throw new Error('examples/migration changed: no map_reg use_backend line');
  }
  return config.replace(anchor, `    use_backend ${MISSING_BACKEND} if { path_beg /v3/ }\n${anchor}`);
}

/**
 * Copies examples/migration into a new folder below `parent`, plants the
 * two mistakes and writes `files` (relative path → text) on top, e.g. a
 * `.vscode/settings.json`.
 */
export function createMigrationWorkspace(parent: string, files: Readonly<Record<string, string>> = {}): MigrationWorkspace {
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(path.join(parent, 'migration-'));
  cpSync(MIGRATION_EXAMPLE_DIR, folder, { recursive: true });
  const configPath = path.join(folder, 'haproxy.cfg');
  const mapPath = path.join(folder, 'domain2backend.map');
  const configText = plantConfig(readFileSync(configPath, 'utf8'));
  const mapText = plantMap(readFileSync(mapPath, 'utf8'));
  writeFileSync(configPath, configText);
  writeFileSync(mapPath, mapText);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  const customersUrlLine = lineOf(configText, (l) => l.startsWith('#') && l.includes('http://application-02.6play.fr/v2/customers/'), 'a customers URL comment');
  const urlLineText = configText.split('\n')[customersUrlLine - 1] ?? '';
  return {
    folder,
    configPath,
    mapPath,
    configText,
    mapText,
    missingBackendLine: lineOf(configText, (l) => l.includes(`use_backend ${MISSING_BACKEND}`), 'the planted use_backend'),
    unreachableMapLine: lineOf(mapText, (l) => l.includes('\\/v1\\/'), 'the /v1/ map line'),
    shadowingMapLine: lineOf(mapText, (l) => /^application-02\\\.6play\\\.fr\\\/\s/.test(l), 'the catch-all map line'),
    customersUrlLine,
    customersUrlColumn: urlLineText.indexOf('http://') + 1,
    rampBackendLine: lineOf(configText, (l) => l.trim() === 'backend application-01', 'backend application-01'),
    mixedBackendLine: lineOf(configText, (l) => l.trim() === 'backend application-02-mixed', 'backend application-02-mixed'),
  };
}
