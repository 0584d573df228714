import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { applyChange, diskLoader, isSocket, planRollback, type ApplyOutcome, type JournalEntry } from '../apply';
import {
  applyReplacements, buildMapModel, DEFAULT_ENGINE_OPTIONS, describeShare, loadConfig, parseSteps, planPromote, planRamp, rampPlanJson,
  rampStatus, renderRampEdits, renderRampPlan, renderRampStatus, resolveRampBackend, unifiedDiff, type EngineOptions, type HaproxyConfig,
} from '../engine';
import { formatOption, optionValue, parseArgs, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './command';
import { DiskSource, parseMapRoots, readConfigFile } from './disk';

export const RAMP_USAGE = [
  'haproxy-migrate ramp status|next|rollback|abort <config.cfg> --backend NAME [--to SERVERS] [--steps LIST] [--write] [--runtime-socket PATH|none] [--haproxy PATH] [--map-root FROM=TO]… [--format text|json]',
  '  haproxy-migrate ramp promote|rollback <file.map> --line N [--config CONFIG.cfg] [--write] [--haproxy PATH] [--map-root FROM=TO]… [--format text|json]',
].join('\n');

const VALUED = ['backend', 'to', 'steps', 'runtime-socket', 'haproxy', 'format', 'map-root', 'haproxy-version', 'line', 'config'];

interface Context {
  readonly args: ParsedArgs;
  readonly format: 'text' | 'json';
  readonly options: EngineOptions;
  readonly write: boolean;
}

/** Output of one ramp command; `json` is printed instead of `text` with --format json. */
interface Report {
  readonly exitCode: number;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

function finish(ctx: Context, r: Report): CommandResult {
  if (ctx.format === 'json') {
    return { exitCode: r.exitCode, stdout: JSON.stringify({ ok: r.exitCode === 0, ...r.json }, null, 2) + '\n' };
  }
  return r.exitCode === 0 ? { exitCode: 0, stdout: r.text } : { exitCode: r.exitCode, stdout: '', stderr: r.text };
}

function refused(message: string, extra: Record<string, unknown> = {}): Report {
  return { exitCode: 1, text: `Refused: ${message}\n`, json: { refused: message, ...extra } };
}

/** `ramp …`: plan, preview and apply weight ramp steps and map-line promotions. Exit 0 ok, 1 refused, 2 usage. */
export async function runRamp(argv: readonly string[]): Promise<CommandResult> {
  const args = parseArgs(argv, VALUED, ['write']);
  const [action, file, ...extra] = args.positionals;
  if (!action || !file || extra.length > 0) {
    throw new UsageError('ramp takes an action and one file');
  }
  const ctx: Context = {
    args,
    format: formatOption(args),
    options: { ...DEFAULT_ENGINE_OPTIONS, mapRoots: parseMapRoots(args.options.get('map-root') ?? []), haproxyVersion: optionValue(args, 'haproxy-version', '2.6') as string },
    write: args.flags.has('write'),
  };
  if (optionValue(args, 'line') !== undefined) {
    if (action !== 'promote' && action !== 'rollback') {
      throw new UsageError(`--line goes with promote or rollback of a map file, not ${action}`);
    }
    return finish(ctx, await mapAction(ctx, action, file));
  }
  if (!['status', 'next', 'rollback', 'abort'].includes(action)) {
    throw new UsageError(`Unknown ramp action '${action}' (status, next, rollback, abort, promote)`);
  }
  const backend = optionValue(args, 'backend');
  if (!backend) {
    throw new UsageError(`ramp ${action} needs --backend NAME`);
  }
  return finish(ctx, await backendAction(ctx, action as 'status' | 'next' | 'rollback' | 'abort', file, backend));
}

function rampOptions(args: ParsedArgs): { to?: string[]; steps?: number[] } {
  const to = optionValue(args, 'to');
  const stepsText = optionValue(args, 'steps');
  let steps: number[] | undefined;
  if (stepsText !== undefined) {
    const parsed = parseSteps(stepsText);
    if ('problem' in parsed) {
      throw new UsageError(`--steps: ${parsed.problem}`);
    }
    steps = parsed.steps;
  }
  return { ...(to !== undefined ? { to: to.split(',').filter((s) => s !== '') } : {}), ...(steps ? { steps } : {}) };
}

/** `--runtime-socket PATH`, `none`, or else the config's `stats socket` when it exists here. */
function runtimeSocket(args: ParsedArgs, config: HaproxyConfig): string | undefined {
  const given = optionValue(args, 'runtime-socket');
  if (given === 'none') {
    return undefined;
  }
  if (given !== undefined) {
    return resolve(given);
  }
  return config.global?.statsSockets.map((s) => s.path).find(isSocket);
}

async function backendAction(ctx: Context, action: 'status' | 'next' | 'rollback' | 'abort', file: string, backend: string): Promise<Report> {
  const source = new DiskSource();
  const cfg = readConfigFile(file, source);
  const loaded = loadConfig(cfg.text, cfg.path, source, ctx.options);
  const ramp = resolveRampBackend(loaded.config, backend, rampOptions(ctx.args));
  if ('problem' in ramp) {
    return refused(ramp.problem);
  }
  if (action === 'status') {
    const status = rampStatus(ramp);
    return {
      exitCode: 0,
      text: renderRampStatus(ramp, status),
      json: { backend, share: `${status.share.numerator}/${status.share.denominator}`, percent: (100 * status.share.numerator) / status.share.denominator, step: status.step ?? null, nextStep: status.nextStep ?? null, complete: status.complete, steps: ramp.steps, sources: ramp.sources.map((s) => s.name), targets: ramp.targets.map((t) => t.name), notes: status.notes },
    };
  }
  const socket = runtimeSocket(ctx.args, loaded.config);
  const load = diskLoader(cfg.path, cfg.path, ctx.options);
  if (action === 'rollback') {
    const plan = planRollback(cfg.path, (e) => e.backend === backend && e.mapLine === undefined, cfg.text);
    if ('problem' in plan) {
      return refused(plan.problem);
    }
    const head = `Roll back ${plan.entry.kind} of ${backend} recorded ${plan.entry.time}: ${plan.entry.to} → ${plan.entry.from}\n`;
    return preview(ctx, cfg.path, plan.before, plan.after, head, { backend, undoes: plan.entry.id }, () =>
      applyChange({ file: cfg.path, before: plan.before, after: plan.after, load, record: rollbackRecord(plan.entry), ...gates(ctx, socket, backend) }));
  }
  const plan = planRamp(ramp, action);
  const after = applyReplacements(loaded.config.file, renderRampEdits(loaded.config.file, plan.changes));
  const record = { kind: action === 'abort' ? 'abort' : 'step', backend, mapLine: undefined, from: describeShare(plan.from), to: describeShare(plan.to) } as const;
  return preview(ctx, cfg.path, cfg.text, after, renderRampPlan(ramp, plan), { backend, plan: rampPlanJson(plan) }, () =>
    applyChange({ file: cfg.path, before: cfg.text, after, load, record, ...gates(ctx, socket, backend) }));
}

function rollbackRecord(entry: JournalEntry): { kind: 'rollback'; backend: string | undefined; mapLine: number | undefined; from: string; to: string; undoes: string } {
  return { kind: 'rollback', backend: entry.backend, mapLine: entry.mapLine, from: entry.to, to: entry.from, undoes: entry.id };
}

function gates(ctx: Context, socket: string | undefined, backend: string | undefined): { haproxy?: string; runtime?: { socket: string; backend: string } } {
  const haproxy = optionValue(ctx.args, 'haproxy');
  return { ...(haproxy ? { haproxy } : {}), ...(socket && backend ? { runtime: { socket, backend } } : {}) };
}

/** Prints the diff; with --write applies through `apply` (gates, atomic write, runtime, journal). */
async function preview(ctx: Context, path: string, before: string, after: string, head: string, json: Record<string, unknown>, apply: () => Promise<ApplyOutcome>): Promise<Report> {
  const shown = relative(process.cwd(), path);
  const label = shown.startsWith('..') ? path : shown;
  const diff = unifiedDiff(before, after, label, label);
  if (!ctx.write || before === after) {
    const tail = before === after ? '' : 'Dry run: nothing was written (add --write to apply)\n';
    return { exitCode: 0, text: head + diff + tail, json: { ...json, diff, written: false } };
  }
  const outcome = await apply();
  const log = outcome.log.map((l) => `  ${l}\n`).join('');
  if (!outcome.ok) {
    return { exitCode: 1, text: `${head}${diff}Refused: ${outcome.refused ?? 'unknown reason'}\n${log}`, json: { ...json, diff, written: false, refused: outcome.refused, log: outcome.log } };
  }
  return { exitCode: 0, text: `${head}${diff}Applied.\n${log}`, json: { ...json, diff, written: true, log: outcome.log, journal: outcome.entry?.id } };
}

function findConfig(args: ParsedArgs, mapPath: string): string {
  const given = optionValue(args, 'config');
  if (given !== undefined) {
    return given;
  }
  const guess = join(dirname(mapPath), 'haproxy.cfg');
  if (!existsSync(guess)) {
    throw new UsageError('Give the config that uses the map with --config CONFIG.cfg');
  }
  return guess;
}

function lineOption(args: ParsedArgs): number {
  const line = Number(optionValue(args, 'line'));
  if (!Number.isInteger(line) || line < 1) {
    throw new UsageError('--line takes a 1-based line number');
  }
  return line;
}

async function mapAction(ctx: Context, action: 'promote' | 'rollback', file: string): Promise<Report> {
  const mapPath = resolve(file);
  const line = lineOption(ctx.args);
  const source = new DiskSource();
  const cfg = readConfigFile(findConfig(ctx.args, mapPath), source);
  let mapText: string;
  try {
    mapText = readFileSync(mapPath, 'utf8');
  } catch {
    throw new UsageError(`Cannot read map file '${file}'`);
  }
  const load = diskLoader(cfg.path, mapPath, ctx.options);
  const haproxy = optionValue(ctx.args, 'haproxy');
  if (action === 'rollback') {
    const plan = planRollback(mapPath, (e) => e.mapLine === line, mapText);
    if ('problem' in plan) {
      return refused(plan.problem);
    }
    const head = `Roll back promotion of line ${line}: ${plan.entry.to} → ${plan.entry.from}\n`;
    return preview(ctx, mapPath, plan.before, plan.after, head, { map: mapPath, line, undoes: plan.entry.id }, () =>
      applyChange({ file: mapPath, before: plan.before, after: plan.after, load, record: rollbackRecord(plan.entry), ...(haproxy ? { haproxy } : {}) }));
  }
  const config = loadConfig(cfg.text, cfg.path, source, ctx.options).config;
  const map = buildMapModel(mapText, mapPath);
  const plan = planPromote(config, map, line);
  if ('problem' in plan) {
    return refused(plan.problem);
  }
  const after = applyReplacements(map.file, [plan.edit]);
  const chain = plan.chain.map((l) => `${l.backend} ${describeShare(l.cloudShare)}`).join(' → ');
  const head = `Promote line ${line}: ${plan.from.backend} → ${plan.to.backend}\n  chain: ${chain}\n  note: HAProxy reads map files when it starts: reload it to route by the new line\n`;
  const record = { kind: 'promote', backend: plan.from.backend, mapLine: line, from: plan.from.backend, to: plan.to.backend } as const;
  return preview(ctx, mapPath, mapText, after, head, { map: mapPath, line, from: plan.from.backend, to: plan.to.backend, chain: plan.chain.map((l) => l.backend) }, () =>
    applyChange({ file: mapPath, before: mapText, after, load, record, ...(haproxy ? { haproxy } : {}) }));
}
