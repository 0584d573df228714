#!/usr/bin/env node
// Prints "N passed, N failed[, N skipped]" for a vitest JSON report
// (`--reporter=json --outputFile.json=FILE`): node scripts/vitest-summary.mjs FILE
// A test file that failed without a failed test (it did not load, or a
// beforeAll hook threw) counts as one failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node scripts/vitest-summary.mjs <vitest-json-report>');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const files = report.testResults ?? [];
const brokenFiles = files.filter(
  (result) => result.status === 'failed' && (result.assertionResults ?? []).every((test) => test.status !== 'failed'),
).length;
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
