/*
 * CLI entry: `haproxy-migrate <command> …`. Wiring only: each command lives
 * in cli/ and runs on the same engine as the language server.
 */
import { UsageError } from './cli/args';
import { CHECK_USAGE, runCheck } from './cli/check-command';
import type { Command } from './cli/command';
import { runSimulate, SIMULATE_USAGE } from './cli/simulate-command';
import { runTestRoutes, TEST_ROUTES_USAGE } from './cli/test-routes-command';
import { RAMP_USAGE, runRamp } from './cli/ramp-command';
import { REPLICATE_PLAN_USAGE, runReplicatePlan } from './cli/replicate-plan-command';

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  check: { run: runCheck, usage: CHECK_USAGE },
  simulate: { run: runSimulate, usage: SIMULATE_USAGE },
  test: { run: runTestRoutes, usage: TEST_ROUTES_USAGE },
  ramp: { run: runRamp, usage: RAMP_USAGE },
  'replicate-plan': { run: runReplicatePlan, usage: REPLICATE_PLAN_USAGE },
};

function usage(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    const result = await command.run(rest);
    process.stdout.write(result.stdout);
    if (result.stderr) {
      process.stderr.write(result.stderr);
    }
    return result.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`haproxy-migrate ${name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`haproxy-migrate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
