import { analyzeLoaded, loadConfig, DEFAULT_ENGINE_OPTIONS } from '../engine';
import { formatOption, optionValue, parseArgs, UsageError } from './args';
import { DiskSource, parseMapRoots, readConfigFile } from './disk';
import { formatDiagnosticText, sortDiagnostics, toJsonDiagnostics } from './format-issues';
import type { CommandResult } from './command';

export const CHECK_USAGE = 'haproxy-migrate check <config.cfg> [--map-root FROM=TO]… [--haproxy-version 2.6] [--format text|json]';

/** `check`: every diagnostic for a config and the map files it uses. Exit 1 when any is an error. */
export function runCheck(argv: readonly string[]): CommandResult {
  const args = parseArgs(argv, ['map-root', 'format', 'haproxy-version']);
  const format = formatOption(args);
  if (args.positionals.length !== 1) {
    throw new UsageError('check takes exactly one config file');
  }
  const source = new DiskSource();
  const cfg = readConfigFile(args.positionals[0] as string, source);
  const options = { ...DEFAULT_ENGINE_OPTIONS, mapRoots: parseMapRoots(args.options.get('map-root') ?? []), haproxyVersion: optionValue(args, 'haproxy-version', '2.6') as string };
  const loaded = loadConfig(cfg.text, cfg.path, source, options);
  const issues = analyzeLoaded(loaded);
  const texts = new Map<string, string>([[cfg.path, cfg.text]]);
  for (const m of loaded.maps.values()) {
    if (m.map) {
      texts.set(m.map.file.path, m.map.file.text);
    }
  }
  const diagnostics = sortDiagnostics(toJsonDiagnostics(issues, texts));
  const exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  if (format === 'json') {
    return { exitCode, stdout: JSON.stringify({ files: [...source.filesRead], diagnostics }, null, 2) + '\n' };
  }
  const lines = diagnostics.map(formatDiagnosticText);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  lines.push(`${errors} error(s), ${warnings} warning(s), ${diagnostics.length - errors - warnings} other`);
  return { exitCode, stdout: lines.join('\n') + '\n' };
}
