/**
 * Builds the extension's `.vsix` from the current sources with the
 * project's own `npm run package`, in a staging copy of the checkout.
 *
 * The staging folder holds copies of the top-level files, `syntaxes/` and
 * `images/`, and links to `client/src`, `server/src` and `node_modules`, so
 * the production build writes its bundles there: the checkout's
 * `client/out` and `server/out`, which other tests run while this builds,
 * are never rewritten.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/** File name `npm run package` gives the package. */
export const VSIX_NAME = 'haproxy-migration.vsix';

/** A packaged extension. */
export interface PackagedExtension {
  /** Absolute path of the `.vsix`. */
  readonly vsixPath: string;
  /** The staging copy it was built in (also where `vsce ls` runs). */
  readonly stageDir: string;
  /** What `npm run package` printed. */
  readonly log: string;
  /** Removes the staging folder (and the `.vsix` in it). */
  dispose(): void;
}

/** Folders copied into the staging checkout besides its top-level files. */
const COPIED_DIRS = ['syntaxes', 'images'];
/** Folders linked into the staging checkout: sources and dependencies. */
const LINKED_DIRS = ['client/src', 'server/src', 'node_modules'];

/** Runs a command; resolves to its output, rejects with the output on failure. */
export async function run(command: string, args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) {
        reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}: ${error.message}\n${output}`));
      } else {
        resolve(output);
      }
    });
  });
}

/** Creates the staging checkout described above and returns its path. */
export function createStagingCheckout(): string {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-package-'));
  for (const name of readdirSync(REPO_ROOT)) {
    const from = path.join(REPO_ROOT, name);
    if (statSync(from).isFile() && !name.endsWith('.vsix')) {
      cpSync(from, path.join(stage, name));
    }
  }
  for (const dir of COPIED_DIRS) {
    if (existsSync(path.join(REPO_ROOT, dir))) {
      cpSync(path.join(REPO_ROOT, dir), path.join(stage, dir), { recursive: true });
    }
  }
  for (const dir of LINKED_DIRS) {
    mkdirSync(path.dirname(path.join(stage, dir)), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, dir), path.join(stage, dir), 'dir');
  }
  return stage;
}

/**
 * Runs `npm run package` (production build, then `vsce package`) in a new
 * staging checkout and returns the `.vsix` it wrote. Rejects with the build
 * output when packaging fails.
 */
export async function packageExtension(): Promise<PackagedExtension> {
  const stage = createStagingCheckout();
  const dispose = (): void => rmSync(stage, { recursive: true, force: true });
  try {
    const log = await run('npm', ['run', '--silent', 'package'], stage);
    const vsixPath = path.join(stage, VSIX_NAME);
    if (!existsSync(vsixPath)) {
      throw new Error(`npm run package wrote no ${VSIX_NAME}:\n${log}`);
    }
    return { vsixPath, stageDir: stage, log, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * The files `vsce ls --no-dependencies` would package from `cwd`,
 * `/`-separated and sorted.
 */
export async function vsceList(cwd: string): Promise<string[]> {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const output = await run(vsce, ['ls', '--no-dependencies'], cwd, 120_000);
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(INFO|WARNING|DONE)\b/.test(line))
    .sort();
}
