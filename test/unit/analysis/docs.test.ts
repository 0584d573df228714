import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../../server/src/analysis/issue';

describe('diagnostics documentation', () => {
  it('documents every code the engine can report', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../../docs/diagnostics.md'), 'utf8');
    expect(ISSUE_CODES.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
