/**
 * Extension-host entry of `npm run test:vscode`: VS Code calls `run()` and
 * waits for the promise. The suite is bundled into this file, so it is
 * defined after Mocha has set up its TDD globals.
 */
import Mocha from 'mocha';
import { defineMigrationSuite } from './migration.suite';

/** Runs the Mocha suite; rejects when a test fails. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'migration.suite', mocha);
  defineMigrationSuite();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
