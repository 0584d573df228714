/*
 * The ramp commands' requests: plan (with the gates run), commit (runtime
 * socket and journal after the client saved the edit), the ramp-able
 * backends of a config, and the replication script of a map line.
 */
import { readFileSync } from 'node:fs';
import type { Connection, TextEdit } from 'vscode-languageserver';
import { appendJournal, applyRuntimeWeights, diskLoader, newErrors, planRollback, runHaproxyCheck, runtimeWeightChanges, sha256 } from '../apply';
import { uriToPath } from '../document-cache';
import {
  analyzeLoaded, applyReplacements, createSourceFile, describeShare, formatPercent, lineChanges, planPromote, planRamp, planReplication,
  rampableBackends, renderRampEdits, renderRampPlan, resolveRampBackend, unifiedDiff, type EngineOptions, type RampOptions, type SourceFile, type TextReplacement,
  positionOfOffset, spanOfOffsets,
} from '../engine';
import {
  RampBackendsRequest, RampCommitRequest, RampPlanRequest, ReplicationPlanRequest,
  type RampBackendsParams, type RampCommitParams, type RampCommitResult, type RampPlanParams, type RampPlanResult,
} from '../ramp-protocol';
import type { Settings } from '../settings';
import { toRange } from './convert';
import { guard } from './guard';
import type { Project } from './project';

function rampOptions(settings: Settings): RampOptions {
  let targetPattern: RegExp | undefined;
  try {
    targetPattern = new RegExp(settings.ramp.targetPattern, 'i');
  } catch {
    targetPattern = undefined;
  }
  return { steps: settings.ramp.steps, ...(targetPattern ? { targetPattern } : {}) };
}

const REFUSED = (refused: string): RampPlanResult => ({ refused, summary: '', diff: '', edits: [] });

/** Line-level edits turning the text of `file` into `after` (rollbacks restore whole lines). */
function lineReplacements(file: SourceFile, after: string): TextReplacement[] {
  // lineChanges splits lines at the same breaks (CRLF, CR, LF) as the file's line index.
  return lineChanges(file.text, after).map((c) => {
    const start = file.lineStarts[c.line] ?? file.text.length;
    return { span: spanOfOffsets(file, start, start + c.before.length), newText: c.after };
  });
}

/** Runs the engine-analysis gate and, in trusted workspaces, `haproxy -c`. */
function gates(project: Project, settings: Settings, load: (text: string) => ReturnType<ReturnType<typeof diskLoader>>, before: string, after: string, editedFile: string): string | undefined {
  const added = newErrors(analyzeLoaded(load(before)), analyzeLoaded(load(after)));
  if (added.length > 0) {
    return `The change adds ${added.length} error(s): ${added.join('; ')}`;
  }
  if (project.trusted && settings.haproxyPath !== '') {
    const loaded = load(after);
    const overrides = editedFile === loaded.config.file.path ? new Map<string, string>() : new Map([[editedFile, after]]);
    const check = runHaproxyCheck(settings.haproxyPath, loaded, overrides);
    if (!check.ok && !check.output.startsWith('Cannot run')) {
      return `${settings.haproxyPath} -c rejects the change:\n${check.output.trimEnd()}`;
    }
  }
  return undefined;
}

async function planFor(project: Project, p: RampPlanParams): Promise<RampPlanResult> {
  const view = await project.view(p.uri);
  if (!view) {
    return REFUSED('Cannot read the document');
  }
  const options: EngineOptions = await project.options(p.uri);
  const path = uriToPath(p.uri);
  // The edits are positions of the model's file, whose line keys are its own (see span.ts): they are converted through it.
  const file = view.kind === 'config' ? view.doc.loaded.config.file : (view.map?.file ?? createSourceFile(path, ''));
  const before = file.text;
  const configPath = view.kind === 'config' ? view.doc.path : view.uses[0]?.doc.path;
  if (!configPath) {
    return REFUSED('No config in the workspace uses this map file');
  }
  let after: string;
  let summary: string;
  let edits: TextReplacement[];
  let commit: Omit<RampCommitParams, 'before' | 'after' | 'uri'>;
  if (p.action === 'rollback') {
    const plan = planRollback(path, (e) => (p.line !== undefined ? e.mapLine === p.line : e.backend === p.backend && e.mapLine === undefined), before);
    if ('problem' in plan) {
      return REFUSED(plan.problem);
    }
    after = plan.after;
    edits = lineReplacements(file, after);
    summary = `Roll back ${plan.entry.kind} recorded ${plan.entry.time}: ${plan.entry.to} → ${plan.entry.from}`;
    commit = { kind: 'rollback', ...(plan.entry.backend ? { backend: plan.entry.backend } : {}), ...(plan.entry.mapLine ? { line: plan.entry.mapLine } : {}), from: plan.entry.to, to: plan.entry.from, undoes: plan.entry.id };
  } else if (p.action === 'promote') {
    const config = view.kind === 'map' ? view.uses[0]?.doc.loaded.config : undefined;
    if (view.kind !== 'map' || !config || !view.map || p.line === undefined) {
      return REFUSED('Promote works on a map file line used by a config');
    }
    const plan = planPromote(config, view.map, p.line, rampOptions(view.settings));
    if ('problem' in plan) {
      return REFUSED(plan.problem);
    }
    edits = [plan.edit];
    after = applyReplacements(file, edits);
    summary = `Promote line ${p.line}: ${plan.from.backend} → ${plan.to.backend}`;
    commit = { kind: 'promote', backend: plan.from.backend, line: p.line, from: plan.from.backend, to: plan.to.backend };
  } else {
    if (view.kind !== 'config' || !p.backend) {
      return REFUSED('Ramp steps work on a config backend');
    }
    const ramp = resolveRampBackend(view.doc.loaded.config, p.backend, rampOptions(view.settings));
    if ('problem' in ramp) {
      return REFUSED(ramp.problem);
    }
    const plan = planRamp(ramp, p.action);
    if (plan.changes.length === 0) {
      return REFUSED(plan.notes.join('; '));
    }
    edits = renderRampEdits(file, plan.changes);
    after = applyReplacements(file, edits);
    summary = renderRampPlan(ramp, plan).trimEnd();
    commit = { kind: p.action === 'abort' ? 'abort' : 'step', backend: p.backend, from: describeShare(plan.from), to: describeShare(plan.to) };
  }
  const refused = gates(project, view.settings, diskLoader(configPath, path, options), before, after, path);
  if (refused) {
    return REFUSED(refused);
  }
  return {
    summary,
    diff: unifiedDiff(before, after, path, path),
    edits: edits.map((e): TextEdit => ({ range: toRange(file, e.span), newText: e.newText })),
    commit: { uri: p.uri, before, after, ...commit },
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function commitFor(project: Project, p: RampCommitParams): Promise<RampCommitResult> {
  const path = uriToPath(p.uri);
  if (readOrUndefined(path) !== p.after) {
    return { ok: false, log: [], refused: `${path} on disk is not the previewed change: nothing was recorded` };
  }
  const log: string[] = [];
  const settings = await project.settings(p.uri);
  if (!project.trusted && p.kind !== 'promote') {
    // Restricted Mode hides the socket setting itself, so say it whether or not one is set.
    log.push('Restricted Mode: the file was changed, but no weight was sent to a running HAProxy through its runtime API and haproxy -c did not run; trust this workspace to allow them.');
  }
  if (project.trusted && settings.runtime.socket !== '' && p.backend !== undefined && p.kind !== 'promote') {
    const load = diskLoader(path, path, await project.options(p.uri));
    const { weights, reload } = runtimeWeightChanges(load(p.before).config, load(p.after).config, p.backend);
    const outcome = await applyRuntimeWeights(settings.runtime.socket, p.backend, weights);
    log.push(...outcome.log);
    if (!outcome.ok) {
      return { ok: false, log, refused: 'The running HAProxy refused a weight change: its weights were restored; put the file back' };
    }
    if (reload.length > 0) {
      log.push(`The backup flag of ${reload.join(', ')} cannot change at runtime: reload HAProxy`);
    }
  }
  const entry = appendJournal(path, {
    kind: p.kind, backend: p.backend, mapLine: p.line, from: p.from, to: p.to, ...(p.undoes ? { undoes: p.undoes } : {}),
    hashBefore: sha256(p.before), hashAfter: sha256(p.after), lines: lineChanges(p.before, p.after),
  });
  log.push(`journal: recorded ${entry.kind} ${entry.id}`);
  return { ok: true, log };
}

async function backendsFor(project: Project, p: RampBackendsParams): Promise<{ backends: { name: string; percent: number; label: string; atCursor: boolean }[] }> {
  const view = await project.view(p.uri);
  if (!view || view.kind !== 'config') {
    return { backends: [] };
  }
  const cursor = p.offset !== undefined ? positionOfOffset(view.doc.loaded.config.file, p.offset) : undefined;
  const found = rampableBackends(view.doc.loaded.config, rampOptions(view.settings)).map((b) => {
    const now = formatPercent(b.status.share);
    const label = b.status.complete ? `${now} (sources backup)` : `${now} → ${b.status.nextStep ?? 100}%`;
    const atCursor = cursor !== undefined && cursor >= b.span.start && cursor <= b.span.end;
    return { name: b.name, percent: (100 * b.status.share.numerator) / b.status.share.denominator, label, atCursor };
  });
  return { backends: [...found.filter((b) => b.atCursor), ...found.filter((b) => !b.atCursor)] };
}

async function replicationFor(project: Project, p: { uri: string; line: number }): Promise<{ script?: string; refused?: string }> {
  const view = await project.view(p.uri);
  const config = view?.kind === 'map' ? view.uses[0]?.doc.loaded.config : undefined;
  if (!view || view.kind !== 'map' || !view.map || !config) {
    return { refused: 'Render a replication plan from a map file line used by a config' };
  }
  const plan = planReplication(config, view.map, p.line);
  return 'problem' in plan ? { refused: plan.problem } : { script: plan.script };
}

/** Registers the ramp requests on `connection`. */
export function registerRampRequests(connection: Connection, project: Project): void {
  connection.onRequest(RampBackendsRequest, guard(connection, 'rampBackends', { backends: [] }, (p) => backendsFor(project, p)));
  connection.onRequest(RampPlanRequest, guard(connection, 'rampPlan', REFUSED('Internal error: see the server log'), (p) => planFor(project, p)));
  connection.onRequest(RampCommitRequest, guard(connection, 'rampCommit', { ok: false, log: [], refused: 'Internal error: see the server log' }, (p) => commitFor(project, p)));
  connection.onRequest(ReplicationPlanRequest, guard(connection, 'replicationPlan', { refused: 'Internal error: see the server log' }, (p) => replicationFor(project, p)));
}
