import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSourceFile, offsetOf, positionOf } from '../../server/src/engine';
import type { RampCommitResult, RampPlanResult } from '../../server/src/ramp-protocol';
import { copyExample } from '../helpers/example-workspace';
import { LspHarness } from '../helpers/lsp-harness';

/** The ramp requests of the language server, over an in-memory LSP connection. */
let h: LspHarness | undefined;
// A commit runs haproxy -c, which resolves the example's hostnames: one second per lookup, once, where DNS drops queries.
process.env['RES_OPTIONS'] ??= 'timeout:1 attempts:1';
afterEach(() => h?.dispose());

function applyEdits(text: string, plan: RampPlanResult): string {
  const file = createSourceFile('x', text);
  const at = (p: { line: number; character: number }): number => offsetOf(file, positionOf(file, p));
  const spans = plan.edits.map((e) => ({ start: at(e.range.start), end: at(e.range.end), text: e.newText }));
  return spans.sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

describe('ramp requests', () => {
  it('lists the ramp-able backends with the one at the cursor first', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    await h.open(ws.cfgUri, ws.cfgText);
    const offset = ws.cfgText.indexOf('backend application-02-mixed\n') + 5;
    const r = await h.request<{ backends: { name: string; label: string; atCursor: boolean }[] }>('haproxy/rampBackends', { uri: ws.cfgUri, offset });
    expect(r.backends[0]).toEqual({ name: 'application-02-mixed', percent: 25, label: '25% → 50%', atCursor: true });
    expect(r.backends.map((b) => b.name)).toContain('application-01');
    expect(r.backends.map((b) => b.name)).not.toContain('application-02-on-prem');
  });

  it('plans the same edits for a buffer edited above the backend as for the same text opened afresh', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir], settings: () => ({ haproxyPath: '' }) });
    await h.open(ws.cfgUri, ws.cfgText);
    await h.request('haproxy/rampPlan', { uri: ws.cfgUri, action: 'next', backend: 'application-01' });
    // Enter on the line above the backend: the backend's lines keep their objects, and their line numbers grow by one.
    const edited = ws.cfgText.replace('    bind :8002\n', '    bind :8002\n\n');
    await h.change(ws.cfgUri, edited);
    const plan = await h.request<RampPlanResult>('haproxy/rampPlan', { uri: ws.cfgUri, action: 'next', backend: 'application-01' });
    const lineOf = (needle: string): number => edited.split('\n').findIndex((l) => l.includes(needle));
    expect(plan.edits.map((e) => e.range.start.line)).toEqual([lineOf('server aws-prod-Kubernetes-application-01'), lineOf('server onprem-prod-front-application-01')]);
    expect(applyEdits(edited, plan)).toBe(plan.commit?.after);
    expect(plan.commit?.after).toBe(edited.replace(/(server aws-prod-Kubernetes-application-01 .*)weight 25/, '$1weight 1').replace(/(server onprem-prod-front-application-01 .*)weight 75/, '$1weight 1'));
  });

  it('plans a step as weight edits, journals the saved step and rolls it back', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    await h.open(ws.cfgUri, ws.cfgText);
    const plan = await h.request<RampPlanResult>('haproxy/rampPlan', { uri: ws.cfgUri, action: 'next', backend: 'application-01' });
    expect(plan.refused).toBeUndefined();
    expect(plan.edits.map((e) => e.newText)).toEqual(['1', '1']);
    const after = applyEdits(ws.cfgText, plan);
    expect(after).toBe(plan.commit?.after);
    writeFileSync(ws.cfgPath, after);
    await h.change(ws.cfgUri, after);
    const commit = await h.request<RampCommitResult>('haproxy/rampCommit', plan.commit);
    expect(commit.ok).toBe(true);
    expect(existsSync(join(ws.dir, '.haproxy-migration/history.jsonl'))).toBe(true);
    const back = await h.request<RampPlanResult>('haproxy/rampPlan', { uri: ws.cfgUri, action: 'rollback', backend: 'application-01' });
    expect(back.refused).toBeUndefined();
    expect(applyEdits(after, back)).toBe(ws.cfgText);
  });

  it('refuses to record a commit whose file on disk is not the planned text', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    await h.open(ws.cfgUri, ws.cfgText);
    const plan = await h.request<RampPlanResult>('haproxy/rampPlan', { uri: ws.cfgUri, action: 'abort', backend: 'application-01' });
    const commit = await h.request<RampCommitResult>('haproxy/rampCommit', plan.commit);
    expect(commit.ok).toBe(false);
    expect(readFileSync(ws.cfgPath, 'utf8')).toBe(ws.cfgText);
  });

  it('says in Restricted Mode that no weight went to a running HAProxy', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir], initializationOptions: { trusted: false } });
    await h.open(ws.cfgUri, ws.cfgText);
    const plan = await h.request<RampPlanResult>('haproxy/rampPlan', { uri: ws.cfgUri, action: 'next', backend: 'application-01' });
    const after = applyEdits(ws.cfgText, plan);
    writeFileSync(ws.cfgPath, after);
    await h.change(ws.cfgUri, after);
    const commit = await h.request<RampCommitResult>('haproxy/rampCommit', plan.commit);
    expect(commit.ok).toBe(true);
    expect(commit.log.join(' ')).toMatch(/Restricted Mode: .*no weight was sent to a running HAProxy/);
  });

  it('renders the replication plan of a map line', async () => {
    const ws = copyExample();
    h = await LspHarness.start({ workspaceFolders: [ws.dir] });
    await h.open(ws.cfgUri, ws.cfgText);
    await h.open(ws.mapUri, ws.mapText);
    const r = await h.request<{ script?: string }>('haproxy/replicationPlan', { uri: ws.mapUri, line: 3 });
    expect(r.script).toContain("-http-allow-url '^/v2/customers/'");
  });
});
