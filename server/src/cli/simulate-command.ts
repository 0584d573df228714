import { readFileSync } from 'node:fs';
import { loadConfig, DEFAULT_ENGINE_OPTIONS, simulateRequest, type RequestHeader, type SimulatedRequest } from '../engine';
import { formatOption, optionValue, parseArgs, UsageError, type ParsedArgs } from './args';
import type { CommandResult } from './command';
import { DiskSource, parseMapRoots, readConfigFile } from './disk';
import { formatSimulationText, toJsonSimulations } from './simulation-format';

export const SIMULATE_USAGE = 'haproxy-migrate simulate <config.cfg> --url URL [--url URL]… [--urls-file FILE] [--frontend NAME] [--header "Name: value"]… [--method M] [--src IP] [--down BACKEND/SERVER]… [--map-root FROM=TO]… [--haproxy-version 2.6] [--format text|json]';

const VALUED = ['url', 'urls-file', 'frontend', 'header', 'method', 'src', 'down', 'map-root', 'format', 'haproxy-version'];

/** `simulate`: the backend, servers and trace HAProxy gives each URL, in the order given. */
export function runSimulate(argv: readonly string[]): CommandResult {
  const args = parseArgs(argv, VALUED);
  const format = formatOption(args);
  if (args.positionals.length !== 1) {
    throw new UsageError('simulate takes exactly one config file');
  }
  const urls = collectUrls(args);
  if (urls.length === 0) {
    throw new UsageError('give at least one --url or --urls-file');
  }
  const source = new DiskSource();
  const cfg = readConfigFile(args.positionals[0] as string, source);
  const haproxyVersion = optionValue(args, 'haproxy-version', '2.6') as string;
  const loaded = loadConfig(cfg.text, cfg.path, source, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: parseMapRoots(args.options.get('map-root') ?? []), haproxyVersion });
  const base = requestOptions(args);
  const frontend = optionValue(args, 'frontend');
  const results = urls.map((url) => simulateRequest(loaded, { ...base, url }, frontend !== undefined ? { frontend } : {}));
  if (format === 'json') {
    return { exitCode: 0, stdout: JSON.stringify({ results: results.flatMap((r) => toJsonSimulations(r, cfg.path)) }, null, 2) + '\n' };
  }
  return { exitCode: 0, stdout: results.map((r) => formatSimulationText(r, cfg.path)).join('\n\n') + '\n' };
}

function collectUrls(args: ParsedArgs): string[] {
  const urls = [...(args.options.get('url') ?? [])];
  for (const file of args.options.get('urls-file') ?? []) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`Cannot read URLs file '${file}'`);
    }
    urls.push(...text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
  }
  return urls;
}

function requestOptions(args: ParsedArgs): Omit<SimulatedRequest, 'url'> {
  const headers: RequestHeader[] = (args.options.get('header') ?? []).map((h) => {
    const colon = h.indexOf(':');
    if (colon <= 0) {
      throw new UsageError(`--header takes "Name: value", not '${h}'`);
    }
    return { name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() };
  });
  const down = args.options.get('down') ?? [];
  for (const d of down) {
    if (!/^[^/]+\/[^/]+$/.test(d)) {
      throw new UsageError(`--down takes BACKEND/SERVER, not '${d}'`);
    }
  }
  const method = optionValue(args, 'method');
  const src = optionValue(args, 'src');
  return { headers, down, ...(method !== undefined ? { method } : {}), ...(src !== undefined ? { src } : {}) };
}
