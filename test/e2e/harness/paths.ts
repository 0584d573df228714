/**
 * Well-known locations shared by the end-to-end harness modules.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository checkout. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where screenshots and logs of the e2e tests go (gitignored). */
export const E2E_ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** The code-server version that scripts/setup-code-server.sh installs. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Debian's Chromium, installed by scripts/setup-system.sh. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Folder that holds the test caches: `$HAPROXY_MIGRATION_CACHE`, else
 * `<repo>/.cache`. scripts/setup-code-server.sh uses the same rule.
 */
export function cacheRoot(): string {
  const fromEnv = process.env['HAPROXY_MIGRATION_CACHE'];
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.join(REPO_ROOT, '.cache');
}

/**
 * Path of the code-server launcher: `$CODE_SERVER_BIN` if set, else the one
 * that scripts/setup-code-server.sh installs into the cache.
 */
export function codeServerBinaryPath(): string {
  const fromEnv = process.env['CODE_SERVER_BIN'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return path.resolve(fromEnv);
  }
  return path.join(cacheRoot(), 'code-server', 'bin', 'code-server');
}

/** Whether the code-server launcher exists (it may still be broken). */
export function isCodeServerInstalled(): boolean {
  return existsSync(codeServerBinaryPath());
}

/** The message tests show when code-server is missing. */
export function codeServerMissingMessage(): string {
  return (
    `code-server ${CODE_SERVER_VERSION} is not installed at ${codeServerBinaryPath()}. ` +
    'Run scripts/setup-system.sh and then scripts/setup-code-server.sh ' +
    '(or set HAPROXY_MIGRATION_SKIP_E2E=1 to skip the end-to-end tests).'
  );
}

/** Whether the end-to-end tests were switched off with HAPROXY_MIGRATION_SKIP_E2E=1. */
export function isE2eSkipped(): boolean {
  return process.env['HAPROXY_MIGRATION_SKIP_E2E'] === '1';
}
