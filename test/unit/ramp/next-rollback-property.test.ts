import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, diskLoader, planRollback } from '../../../server/src/apply';
import { applyReplacements, DEFAULT_ENGINE_OPTIONS, describeShare, planRamp, renderRampEdits, resolveRampBackend } from '../../../server/src/engine';

const EXAMPLE = resolve(__dirname, '../../../examples/migration');

async function next(cfg: string, backend: string): Promise<void> {
  const text = readFileSync(cfg, 'utf8');
  const load = diskLoader(cfg, cfg, DEFAULT_ENGINE_OPTIONS);
  const { config } = load(text);
  const ramp = resolveRampBackend(config, backend);
  if ('problem' in ramp) {
    throw new Error(ramp.problem);
  }
  const plan = planRamp(ramp, 'next');
  const after = applyReplacements(config.file, renderRampEdits(config.file, plan.changes));
  if (after === text) {
    return;
  }
  const outcome = await applyChange({ file: cfg, before: text, after, load, record: { kind: 'step', backend, mapLine: undefined, from: describeShare(plan.from), to: describeShare(plan.to) } });
  expect(outcome.ok, outcome.refused).toBe(true);
}

/** Rolls back the last step of `backend`; false when the journal has none. */
async function rollback(cfg: string, backend: string): Promise<boolean> {
  const plan = planRollback(cfg, (e) => e.backend === backend);
  if ('problem' in plan) {
    expect(plan.problem).toContain('records no applied step');
    return false;
  }
  const outcome = await applyChange({
    file: cfg, before: plan.before, after: plan.after, load: diskLoader(cfg, cfg, DEFAULT_ENGINE_OPTIONS),
    record: { kind: 'rollback', backend, mapLine: undefined, from: plan.entry.to, to: plan.entry.from, undoes: plan.entry.id },
  });
  expect(outcome.ok, outcome.refused).toBe(true);
  return true;
}

describe('ramp next/rollback journal', () => {
  it('returns the original bytes after any sequence of next and rollback once every step is rolled back', async () => {
    const op = fc.record({ kind: fc.constantFrom('next', 'rollback'), backend: fc.constantFrom('application-01', 'application-02-mixed', 'application-02-mixed-critical') });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 10 }), async (ops) => {
        const dir = mkdtempSync(join(tmpdir(), 'hm-ramp-prop-'));
        try {
          const cfg = join(dir, 'haproxy.cfg');
          copyFileSync(join(EXAMPLE, 'haproxy.cfg'), cfg);
          copyFileSync(join(EXAMPLE, 'domain2backend.map'), join(dir, 'domain2backend.map'));
          const original = readFileSync(cfg, 'utf8');
          for (const o of ops) {
            if (o.kind === 'next') {
              await next(cfg, o.backend);
            } else {
              await rollback(cfg, o.backend);
            }
          }
          for (const backend of ['application-01', 'application-02-mixed', 'application-02-mixed-critical']) {
            while (await rollback(cfg, backend)) {
              // Unwinds every step still applied.
            }
          }
          expect(readFileSync(cfg, 'utf8')).toBe(original);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('restores exactly the text before the step it undoes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hm-ramp-prop-'));
    const cfg = join(dir, 'haproxy.cfg');
    copyFileSync(join(EXAMPLE, 'haproxy.cfg'), cfg);
    await next(cfg, 'application-01');
    const middle = readFileSync(cfg, 'utf8');
    await next(cfg, 'application-02-mixed');
    await next(cfg, 'application-02-mixed');
    expect(await rollback(cfg, 'application-02-mixed')).toBe(true);
    expect(await rollback(cfg, 'application-02-mixed')).toBe(true);
    expect(readFileSync(cfg, 'utf8')).toBe(middle);
    rmSync(dir, { recursive: true, force: true });
  });
});
