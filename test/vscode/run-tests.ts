/**
 * `npm run test:vscode`: downloads VS Code with @vscode/test-electron (needs
 * the network; not part of CI here, see docs/testing.md), opens a planted
 * copy of examples/migration and runs the Mocha suite in suite/ inside the
 * extension host, with this checkout as the extension under development.
 *
 * Set VSCODE_EXECUTABLE_PATH to use an installed VS Code instead of a download.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { createMigrationWorkspace } from '../e2e/harness/migration-workspace';
import { REPO_ROOT } from '../e2e/harness/paths';
import { SCENARIO_ENV } from './suite/scenario';

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-test-electron-'));
  try {
    const ws = createMigrationWorkspace(scratch);
    const executable = process.env['VSCODE_EXECUTABLE_PATH'];
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: '1.100.3' }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'test', 'out', 'vscode', 'suite', 'index.js'),
      launchArgs: [ws.folder, '--disable-extensions', '--user-data-dir', path.join(scratch, 'user-data')],
      extensionTestsEnv: { [SCENARIO_ENV]: JSON.stringify(ws) },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
