/**
 * What the runner passes to the extension-host suite: the planted
 * workspace (see test/e2e/harness/migration-workspace.ts) as JSON in an
 * environment variable.
 */
import type { MigrationWorkspace } from '../../e2e/harness/migration-workspace';

/** Environment variable holding the JSON of the {@link MigrationWorkspace}. */
export const SCENARIO_ENV = 'HAPROXY_MIGRATION_TEST_WORKSPACE';

/** Reads the workspace description the runner put in the environment. */
export function readScenario(): MigrationWorkspace {
  const text = process.env[SCENARIO_ENV];
  if (text === undefined || text === '') {
    throw new Error(`${SCENARIO_ENV} is not set: start the suite with npm run test:vscode`);
  }
  return JSON.parse(text) as MigrationWorkspace;
}
