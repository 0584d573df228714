import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { lineOf } from '../../../server/src/model/source-file';
import type { HaproxyConfig } from '../../../server/src/model/types';

const DIR = path.resolve(__dirname, '../../fixtures/recovery');

/** What a recovery golden file records: enough to see what survived the damage. */
function summarize(m: HaproxyConfig): unknown {
  return {
    sections: m.sections.map((s) => `${s.kind}${s.name ? ' ' + s.name : ''}`),
    servers: m.proxies.flatMap((p) => p.servers.map((s) => `${p.name}/${s.name} weight=${s.settings.weight}${s.directive.conditional.length ? ' [' + s.directive.conditional.map((c) => `${c.branch} ${c.condition}`).join(', ') + ']' : ''}`)),
    useBackends: m.proxies.flatMap((p) => p.useBackends.map((u) => `${p.name}: ${u.target.kind === 'static' ? u.target.name : u.target.format.text}`)),
    issues: m.issues.map((i) => `${lineOf(m.file, i.span.start) + 1}: ${i.severity} ${i.code}: ${i.message}`),
  };
}

describe('recovery from broken input (golden files; UPDATE_GOLDEN=1 rewrites them)', () => {
  for (const name of readdirSync(DIR).sort()) {
    it(`models what survives in ${name}`, () => {
      const input = readFileSync(path.join(DIR, name, 'input.cfg'), 'utf8');
      let model: HaproxyConfig | undefined;
      expect(() => (model = buildConfigModel(input, `/fixtures/${name}/input.cfg`))).not.toThrow();
      const actual = JSON.stringify(summarize(model as HaproxyConfig), null, 2) + '\n';
      const golden = path.join(DIR, name, 'expected.json');
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden)) {
        writeFileSync(golden, actual);
      }
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
