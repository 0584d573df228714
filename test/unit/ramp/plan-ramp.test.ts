import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { createSourceFile } from '../../../server/src/model/source-file';
import { applyReplacements, renderRampEdits, type TextReplacement } from '../../../server/src/ramp/render-ramp';

/** The edits applied to `text`, the text the model they were planned on was read from (afresh: same line keys). */
function applyEdits(text: string, edits: readonly TextReplacement[]): string {
  return applyReplacements(createSourceFile('', text), edits);
}
import { planRamp, rampStatus } from '../../../server/src/ramp/plan-ramp';
import { resolveRampBackend, type RampBackend } from '../../../server/src/ramp/ramp-backend';

function ramp(text: string, name = 'app', to?: string[]): RampBackend {
  const r = resolveRampBackend(buildConfigModel(text, '/x/haproxy.cfg', { haproxyVersion: '2.6' }), name, to ? { to } : {});
  if ('problem' in r) {
    throw new Error(r.problem);
  }
  return r;
}

function next(text: string, name = 'app'): string {
  const plan = planRamp(ramp(text, name), 'next');
  return applyEdits(text, renderRampEdits(createSourceFile('', text), plan.changes));
}

const TWO = 'backend app\n    server onprem 10.0.0.1:80 check weight 75\n    server aws-1 10.0.0.2:80 check weight 25 # cloud\n';

describe('resolveRampBackend', () => {
  it('takes targets from the cloud name pattern', () => {
    const r = ramp(TWO);
    expect(r.targets.map((s) => s.name)).toEqual(['aws-1']);
    expect(r.sources.map((s) => s.name)).toEqual(['onprem']);
    expect(r.targetsFrom).toBe('pattern');
  });

  it('prefers a ramp annotation over the pattern', () => {
    const r = ramp('backend app\n    # ramp: to=b steps=10,50\n    server a 1.1.1.1:80\n    server b 1.1.1.2:80\n');
    expect(r.targets.map((s) => s.name)).toEqual(['b']);
    expect(r.steps).toEqual([10, 50, 100]);
    expect(r.targetsFrom).toBe('annotation');
  });

  it('explains that no server is a target', () => {
    const r = resolveRampBackend(buildConfigModel('backend app\n    server a 1.1.1.1:80\n', '/x.cfg', { haproxyVersion: '2.6' }), 'app');
    expect(r).toEqual({ problem: expect.stringContaining('has no target server') });
  });

  it('explains that every server is a target', () => {
    const r = resolveRampBackend(buildConfigModel('backend app\n    server aws 1.1.1.1:80\n', '/x.cfg', { haproxyVersion: '2.6' }), 'app');
    expect(r).toEqual({ problem: expect.stringContaining('Every server') });
  });

  it('names an unknown --to server', () => {
    const r = resolveRampBackend(buildConfigModel(TWO, '/x.cfg', { haproxyVersion: '2.6' }), 'app', { to: ['nope'] });
    expect(r).toEqual({ problem: expect.stringContaining("no server named 'nope'") });
  });
});

describe('planRamp', () => {
  it('reads the current step from the exact share', () => {
    const s = rampStatus(ramp(TWO));
    expect(s.share).toEqual({ numerator: 1, denominator: 4 });
    expect([s.step, s.nextStep, s.complete]).toEqual([25, 50, false]);
  });

  it('goes to the next step by editing only the weight values', () => {
    expect(next(TWO)).toBe(TWO.replace('weight 75', 'weight 1').replace('weight 25', 'weight 1'));
  });

  it('makes the sources backup at 100% and keeps their other options', () => {
    const at75 = 'backend app\n    server onprem 10.0.0.1:80 check weight 1\n    server aws-1 10.0.0.2:80 weight 3\n';
    expect(next(at75)).toBe(at75.replace('check weight 1', 'check weight 1 backup'));
    const plan = planRamp(ramp(at75), 'next');
    expect(plan.notes.join(' ')).toContain('reload');
  });

  it('inserts a weight when the server line has none', () => {
    const text = 'backend app\n    server onprem 10.0.0.1:80 check\n    server aws-1 10.0.0.2:80 check weight 0\n';
    expect(next(text)).toBe('backend app\n    server onprem 10.0.0.1:80 check weight 99\n    server aws-1 10.0.0.2:80 check weight 1\n');
  });

  it('has nothing to do once complete', () => {
    const done = 'backend app\n    server onprem 10.0.0.1:80 weight 1 backup\n    server aws-1 10.0.0.2:80 weight 3\n';
    const plan = planRamp(ramp(done), 'next');
    expect(plan.changes).toEqual([]);
    expect(plan.notes[0]).toContain('100%');
  });

  it('aborts by zeroing targets and removing backup', () => {
    const done = 'backend app\n    server onprem 10.0.0.1:80 weight 1 backup\n    server aws-1 10.0.0.2:80 weight 3\n';
    const plan = planRamp(ramp(done), 'abort');
    expect(applyEdits(done, renderRampEdits(createSourceFile('', done), plan.changes))).toBe('backend app\n    server onprem 10.0.0.1:80 weight 1\n    server aws-1 10.0.0.2:80 weight 0\n');
    expect(plan.to).toEqual({ numerator: 0, denominator: 1 });
  });

  it('refuses to ramp a backend whose algorithm ignores weights', () => {
    const plan = planRamp(ramp('backend app\n    balance first\n' + TWO.slice('backend app\n'.length)), 'next');
    expect(plan.changes).toEqual([]);
    expect(plan.notes[0]).toContain('ignores weights');
  });
});
