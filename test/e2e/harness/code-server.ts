/**
 * Starts and stops code-server (VS Code 1.100.3 served over HTTP) for the
 * end-to-end tests, with throw-away user data and extension folders.
 *
 * Every server listens on 127.0.0.1 only, with `--auth none`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerBinaryPath, codeServerMissingMessage, isCodeServerInstalled } from './paths';

/**
 * How workspace trust behaves:
 * - `trusted`: `security.workspace.trust.enabled` is false, so every folder
 *   opens with full trust and no prompt.
 * - `restricted`: workspace trust is on (VS Code's default). A folder opens
 *   with the "Do you trust the authors…" dialog; answering it (see
 *   `answerTrustPrompt` in browser.ts) trusts the folder or leaves it in
 *   Restricted Mode. With `security.workspace.trust.startupPrompt: 'never'`
 *   in `settings`, the folder opens in Restricted Mode without a dialog.
 */
export type WorkspaceTrustMode = 'trusted' | 'restricted';

/** Options of {@link startCodeServer}. */
export interface CodeServerOptions {
  /** `.vsix` files installed with `--install-extension` before the server starts. */
  readonly vsixPaths?: readonly string[];
  /** User settings, merged over {@link defaultUserSettings}. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Workspace trust behaviour; defaults to `trusted`. */
  readonly trust?: WorkspaceTrustMode;
  /** Extra environment variables for code-server and the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for the server to answer HTTP; defaults to 60 s. */
  readonly startTimeoutMs?: number;
  /** Keep the user data and extension folders after `stop()` (for debugging). */
  readonly keepData?: boolean;
}

/** A running code-server. */
export interface CodeServer {
  /** Base URL, `http://127.0.0.1:<port>/`. */
  readonly url: string;
  readonly port: number;
  /** `--user-data-dir`; user settings are in `User/settings.json` below it. */
  readonly userDataDir: string;
  /** `--extensions-dir`. */
  readonly extensionsDir: string;
  /** URL of the workbench with `folder` (an absolute path) open. */
  folderUrl(folder: string): string;
  /** Everything code-server printed so far (stdout and stderr). */
  output(): string;
  /** Stops the server and everything it started; removes its folders unless `keepData`. */
  stop(): Promise<void>;
}

/** Folders of one code-server profile. */
export interface CodeServerDirs {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's own config file (kept out of ~/.config/code-server). */
  readonly configFile: string;
}

/** User settings every test server starts with. */
export function defaultUserSettings(trust: WorkspaceTrustMode): Record<string, unknown> {
  return {
    'security.workspace.trust.enabled': trust === 'restricted',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'github.gitAuthentication': false,
    'npm.autoDetect': 'off',
    'typescript.tsserver.experimental.enableProjectDiagnostics': false,
    'editor.hover.delay': 150,
    'files.hotExit': 'off',
    'window.restoreWindows': 'none',
  };
}

/**
 * Throws an error that says how to install code-server when it is missing.
 */
export function assertCodeServerInstalled(): void {
  if (!isCodeServerInstalled()) {
    throw new Error(codeServerMissingMessage());
  }
}

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Creates an empty profile (user data, extensions, config file) in a new temp folder. */
export function createCodeServerDirs(): CodeServerDirs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-code-server-'));
  const dirs: CodeServerDirs = {
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
  };
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

/** Writes `User/settings.json` of a profile. */
export function writeUserSettings(dirs: CodeServerDirs, settings: Readonly<Record<string, unknown>>): void {
  const file = path.join(dirs.userDataDir, 'User', 'settings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

function profileArgs(dirs: CodeServerDirs): string[] {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

async function runCodeServerCli(args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(codeServerBinaryPath(), [...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error) {
        reject(new Error(`code-server ${args.join(' ')} failed: ${error.message}\n${output}`));
      } else {
        resolve(output);
      }
    });
  });
}

/** Installs a `.vsix` into a profile with `code-server --install-extension`. */
export async function installExtension(dirs: CodeServerDirs, vsixPath: string): Promise<void> {
  assertCodeServerInstalled();
  const output = await runCodeServerCli([...profileArgs(dirs), '--force', '--install-extension', path.resolve(vsixPath)], 180_000);
  if (!/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsixPath} did not report success:\n${output}`);
  }
}

/** Lists the extensions of a profile as `publisher.name@version`. */
export async function listExtensions(dirs: CodeServerDirs): Promise<string[]> {
  assertCodeServerInstalled();
  const output = await runCodeServerCli([...profileArgs(dirs), '--list-extensions', '--show-versions'], 60_000);
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[\w-]+\.[\w-]+@\S+$/.test(line));
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
    }
    try {
      const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms (${lastError}):\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    // The server runs in its own process group (detached), so this reaches
    // the VS Code server, extension hosts and language servers it started.
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts code-server on a free port of 127.0.0.1 with a fresh profile,
 * after installing `options.vsixPaths`, and waits until it answers HTTP.
 */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  assertCodeServerInstalled();
  const trust = options.trust ?? 'trusted';
  const dirs = createCodeServerDirs();
  writeUserSettings(dirs, { ...defaultUserSettings(trust), ...options.settings });
  for (const vsix of options.vsixPaths ?? []) {
    await installExtension(dirs, vsix);
  }

  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  const args = [
    ...profileArgs(dirs),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child = spawn(codeServerBinaryPath(), args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let log = '';
  const append = (chunk: Buffer): void => {
    log += chunk.toString('utf8');
    if (log.length > 1_000_000) {
      log = log.slice(-500_000);
    }
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    // Children that outlived the launcher (extension host, language servers).
    killGroup(child, 'SIGKILL');
    if (options.keepData !== true) {
      rmSync(path.dirname(dirs.userDataDir), { recursive: true, force: true });
    }
  };

  try {
    await waitForHttp(url, child, options.startTimeoutMs ?? 60_000, () => log);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    port,
    userDataDir: dirs.userDataDir,
    extensionsDir: dirs.extensionsDir,
    folderUrl: (folder: string) => `${url}?folder=${encodeURIComponent(path.resolve(folder))}`,
    output: () => log,
    stop,
  };
}
