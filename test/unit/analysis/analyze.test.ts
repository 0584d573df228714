import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../server/src/analysis/analyze';
import type { Check } from '../../../server/src/analysis/check';
import { buildConfigModel } from '../../../server/src/model/build-model';

const ctx = () => ({ config: buildConfigModel('backend b\n  balanse x\n', '/h.cfg'), maps: new Map(), options: { haproxyVersion: '2.6' } });

describe('runChecks', () => {
  it('reports a check that throws as one info issue and keeps every other diagnostic', () => {
    const broken: Check = () => {
      throw new Error('boom');
    };
    const fine: Check = (c) => [{ code: 'backend/undefined', severity: 'error', message: 'x', file: c.config.file.path, span: { start: 0, end: 1 } }];
    const issues = runChecks(ctx(), [broken, fine]);
    expect(issues.map((i) => i.code)).toEqual(['directive/unknown', 'internal/check-failed', 'backend/undefined']);
    expect(issues[1]?.message).toContain('boom');
  });

  it('stops running checks once the analysis is aborted', () => {
    const controller = new AbortController();
    controller.abort();
    let ran = false;
    runChecks({ ...ctx(), signal: controller.signal }, [() => ((ran = true), [])]);
    expect(ran).toBe(false);
  });
});
