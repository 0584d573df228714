import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import {
  applyReplacements, planRamp, rampStatus, renderRampEdits, renderRampPlan, resolveRampBackend, unifiedDiff, type RampAction,
} from '../../../server/src/ramp';

/**
 * Golden renders: each folder of test/fixtures/ramp has a case.json naming a
 * config and a backend; the ramp is walked from the start (after an abort
 * when `from` is "abort") through every `next` to 100%, and every step's
 * summary and diff is compared with expected.txt. UPDATE_GOLDEN=1 rewrites it.
 */
const ROOT = resolve(__dirname, '../../fixtures/ramp');
const REPO = resolve(__dirname, '../../..');

interface Case {
  readonly config: string;
  readonly backend: string;
  readonly from?: 'abort';
}

function step(text: string, backend: string, action: RampAction): { text: string; report: string } {
  const config = buildConfigModel(text, 'haproxy.cfg', { haproxyVersion: '2.6' });
  const ramp = resolveRampBackend(config, backend);
  if ('problem' in ramp) {
    return { text, report: `problem: ${ramp.problem}\n` };
  }
  const plan = planRamp(ramp, action);
  const after = applyReplacements(config.file, renderRampEdits(config.file, plan.changes));
  return { text: after, report: `$ ramp ${action}\n${renderRampPlan(ramp, plan)}${unifiedDiff(text, after, 'haproxy.cfg', 'haproxy.cfg', 1)}` };
}

/** The whole walk of one case as text. */
function walk(dir: string, c: Case): string {
  const configPath = c.config.startsWith('examples/') ? join(REPO, c.config) : join(dir, c.config);
  let text = readFileSync(configPath, 'utf8');
  const out: string[] = [];
  if (c.from === 'abort') {
    const aborted = step(text, c.backend, 'abort');
    out.push(aborted.report);
    text = aborted.text;
  }
  for (let i = 0; i < 12; i++) {
    const config = buildConfigModel(text, 'haproxy.cfg', { haproxyVersion: '2.6' });
    const ramp = resolveRampBackend(config, c.backend);
    if ('problem' in ramp || rampStatus(ramp).complete) {
      break;
    }
    const next = step(text, c.backend, 'next');
    out.push(next.report);
    text = next.text;
  }
  out.push(step(text, c.backend, 'next').report);
  return out.join('\n');
}

describe('ramp golden renders', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(`renders every step of ${name} as recorded`, () => {
      const dir = join(ROOT, name);
      const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Case;
      const actual = walk(dir, c);
      const expectedPath = join(dir, 'expected.txt');
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(expectedPath, actual);
      }
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
