/** A usage error: the CLI prints it with the usage text and exits 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positionals: string[];
  /** Every value given for an option, in order (`--url a --url b`). */
  readonly options: Map<string, string[]>;
  readonly flags: Set<string>;
}

/**
 * Splits `argv` into positionals, `--name value` / `--name=value` options
 * and boolean `--flags`. `valued` lists the options that take a value.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--') || a === '--') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (booleans.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!valued.includes(name)) {
      throw new UsageError(`Unknown option --${name}`);
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) {
      throw new UsageError(`Option --${name} needs a value`);
    }
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positionals, options, flags };
}

/** The last value of an option, or `fallback`. */
export function optionValue(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  const values = args.options.get(name);
  return values?.[values.length - 1] ?? fallback;
}

export function formatOption(args: ParsedArgs): 'text' | 'json' {
  const f = optionValue(args, 'format', 'text');
  if (f !== 'text' && f !== 'json') {
    throw new UsageError(`--format must be text or json, not '${f}'`);
  }
  return f;
}
