import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildMapModel, DEFAULT_ENGINE_OPTIONS, loadConfig, planReplication } from '../engine';
import { formatOption, optionValue, parseArgs, UsageError } from './args';
import type { CommandResult } from './command';
import { DiskSource, parseMapRoots, readConfigFile } from './disk';

export const REPLICATE_PLAN_USAGE = 'haproxy-migrate replicate-plan <file.map> --line N [--config CONFIG.cfg] [--target URL] [--input ADDR] [--map-root FROM=TO]… [--format text|json]';

/** `replicate-plan`: the GOReplay ramp script that replays a map line's traffic to its cloud target. Exit 0 ok, 1 refused, 2 usage. */
export function runReplicatePlan(argv: readonly string[]): CommandResult {
  const args = parseArgs(argv, ['line', 'config', 'target', 'input', 'map-root', 'format', 'haproxy-version']);
  const format = formatOption(args);
  const [file, ...extra] = args.positionals;
  if (!file || extra.length > 0) {
    throw new UsageError('replicate-plan takes exactly one map file');
  }
  const line = Number(optionValue(args, 'line'));
  if (!Number.isInteger(line) || line < 1) {
    throw new UsageError('--line takes a 1-based line number');
  }
  const mapPath = resolve(file);
  const configPath = optionValue(args, 'config') ?? join(dirname(mapPath), 'haproxy.cfg');
  if (!existsSync(configPath)) {
    throw new UsageError('Give the config that uses the map with --config CONFIG.cfg');
  }
  let mapText: string;
  try {
    mapText = readFileSync(mapPath, 'utf8');
  } catch {
    throw new UsageError(`Cannot read map file '${file}'`);
  }
  const source = new DiskSource();
  const cfg = readConfigFile(configPath, source);
  const options = { ...DEFAULT_ENGINE_OPTIONS, mapRoots: parseMapRoots(args.options.get('map-root') ?? []), haproxyVersion: optionValue(args, 'haproxy-version', '2.6') as string };
  const config = loadConfig(cfg.text, cfg.path, source, options).config;
  const target = optionValue(args, 'target');
  const input = optionValue(args, 'input');
  const plan = planReplication(config, buildMapModel(mapText, mapPath), line, { ...(target ? { target } : {}), ...(input ? { input } : {}) });
  if ('problem' in plan) {
    return format === 'json'
      ? { exitCode: 1, stdout: JSON.stringify({ ok: false, refused: plan.problem }, null, 2) + '\n' }
      : { exitCode: 1, stdout: '', stderr: `Refused: ${plan.problem}\n` };
  }
  if (format === 'json') {
    return { exitCode: 0, stdout: JSON.stringify({ ok: true, ...plan }, null, 2) + '\n' };
  }
  return { exitCode: 0, stdout: plan.script };
}
