import { checkRouteExpectation, loadConfig, DEFAULT_ENGINE_OPTIONS, parseRouteExpectations, renderTrace } from '../engine';
import { optionValue, parseArgs, UsageError } from './args';
import type { CommandResult } from './command';
import { DiskSource, parseMapRoots, readConfigFile } from './disk';
import { describeOutcome } from './simulation-format';

export const TEST_ROUTES_USAGE = 'haproxy-migrate test <file.routes> --config <config.cfg> [--map-root FROM=TO]… [--haproxy-version 2.6]';

/** `test`: checks every `URL -> backend` line of a routes file; exit 1 on any mismatch. */
export function runTestRoutes(argv: readonly string[]): CommandResult {
  const args = parseArgs(argv, ['config', 'map-root', 'haproxy-version']);
  const configPath = optionValue(args, 'config');
  if (args.positionals.length !== 1 || configPath === undefined) {
    throw new UsageError('test takes one routes file and --config <config.cfg>');
  }
  const source = new DiskSource();
  const routesPath = args.positionals[0] as string;
  const routesText = source.read(routesPath);
  if (routesText === undefined) {
    throw new UsageError(`Cannot read routes file '${routesPath}'`);
  }
  const cfg = readConfigFile(configPath, source);
  const haproxyVersion = optionValue(args, 'haproxy-version', '2.6') as string;
  const loaded = loadConfig(cfg.text, cfg.path, source, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: parseMapRoots(args.options.get('map-root') ?? []), haproxyVersion });
  const { expectations, problems } = parseRouteExpectations(routesText);
  const out: string[] = problems.map((p) => `${routesPath}:${p.line + 1}: ${p.message}`);
  let failed = problems.length;
  for (const e of expectations) {
    const check = checkRouteExpectation(loaded, e);
    if (check.mismatches.length === 0) {
      out.push(`ok   ${routesPath}:${e.line + 1} ${e.url} -> ${e.backend}`);
      continue;
    }
    failed++;
    const expected = [e.backend, ...e.servers.map((s) => `${s.server}=${s.written}`)].join(' ');
    out.push(`FAIL ${routesPath}:${e.line + 1} ${e.url}`, `  expected:  ${expected}`, `  simulated: ${check.route ? describeOutcome(check.route) : 'nothing'}`);
    out.push(...check.mismatches.map((m) => `  - ${m}`));
    if (check.route) {
      out.push('  trace:', ...renderTrace(check.route.trace, cfg.path).map((t) => `    ${t}`));
    }
  }
  out.push(`${expectations.length} route(s), ${failed} failed`);
  return { exitCode: failed > 0 ? 1 : 0, stdout: out.join('\n') + '\n' };
}
