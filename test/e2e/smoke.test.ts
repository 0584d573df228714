/**
 * Smoke tests of the end-to-end harness: a real VS Code (code-server) in
 * Debian Chromium, and Neovim as an LSP client. They check the tooling, not
 * the extension: code-server gets a tiny packaged .vsix that only declares
 * a language, and Neovim talks to a stub server written below.
 *
 * Needs scripts/setup-system.sh and scripts/setup-code-server.sh; set
 * HAPROXY_MIGRATION_SKIP_E2E=1 to skip.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  activeEditorTitle,
  answerTrustPrompt,
  editorLanguage,
  editorTabTitles,
  isRestrictedMode,
  launchBrowser,
  openFile,
  openWorkbench,
  screenshot,
} from './harness/browser';
import { assertCodeServerInstalled, startCodeServer, type CodeServer } from './harness/code-server';
import { runNeovimLsp } from './harness/neovim';
import { isE2eSkipped, REPO_ROOT } from './harness/paths';

const skipped = isE2eSkipped();
if (skipped) {
  console.warn('\n*** HAPROXY_MIGRATION_SKIP_E2E=1: SKIPPING the end-to-end tests (code-server, Neovim) ***\n');
}

const HAPROXY_CFG = ['global', '    daemon', '', 'frontend web', '    bind :80', '    default_backend app', '', 'backend app', '    server s1 127.0.0.1:8080 weight 10', ''].join('\n');

/** Makes a new folder below `parent` holding the given files; returns its path. */
function makeWorkspace(files: Readonly<Record<string, string>>, parent = os.tmpdir()): string {
  const root = mkdtempSync(path.join(parent, 'haproxy-migration-ws-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Packages an extension that only declares a language for `haproxy.cfg`. */
async function packSmokeExtension(folder: string): Promise<string> {
  const manifest = {
    name: 'smoke-language',
    displayName: 'Smoke Language',
    publisher: 'haproxy-migration-test',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    contributes: { languages: [{ id: 'haproxy-smoke', aliases: ['HAProxy Smoke'], filenames: ['haproxy.cfg'] }] },
  };
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(folder, 'README.md'), '# Smoke language\n');
  const vsix = path.join(folder, 'smoke-language.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  await new Promise<void>((resolve, reject) => {
    execFile(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: folder }, (error, stdout, stderr) =>
      error ? reject(new Error(`vsce package failed: ${error.message}\n${stdout}${stderr}`)) : resolve(),
    );
  });
  return vsix;
}

describe.skipIf(skipped)('code-server smoke', () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let scratch = '';

  beforeAll(async () => {
    assertCodeServerInstalled();
    scratch = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-smoke-'));
    const vsix = await packSmokeExtension(path.join(scratch, 'extension'));
    server = await startCodeServer({ vsixPaths: [vsix], trust: 'restricted' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch !== '') {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  /** Opens a new workbench page; saves a screenshot if the current test fails. */
  async function openPage(folder: string, name: string): Promise<Page> {
    if (server === undefined || browser === undefined) {
      throw new Error('code-server did not start (see the beforeAll error)');
    }
    const page = await openWorkbench(browser, server.folderUrl(folder));
    onTestFailed(async () => {
      await screenshot(page, `${name}-failed`).catch(() => undefined);
    });
    return page;
  }

  it('loads the workbench, trusts the folder and opens haproxy.cfg in an editor tab', async () => {
    const folder = makeWorkspace({ 'haproxy.cfg': HAPROXY_CFG }, scratch);
    const page = await openPage(folder, 'smoke-trusted');
    await answerTrustPrompt(page, 'trust');
    expect(await isRestrictedMode(page)).toBe(false);

    await openFile(page, 'haproxy.cfg');

    expect(await activeEditorTitle(page)).toBe('haproxy.cfg');
    expect(await editorTabTitles(page)).toEqual(['haproxy.cfg']);
    expect(await editorLanguage(page)).toBe('HAProxy Smoke');
    expect(await screenshot(page, 'smoke-trusted')).toMatch(/smoke-trusted\.png$/);
    await page.context().close();
  }, 120_000);

  it('keeps an untrusted folder in Restricted Mode', async () => {
    const folder = makeWorkspace({ 'haproxy.cfg': HAPROXY_CFG }, scratch);
    const page = await openPage(folder, 'smoke-restricted');
    await answerTrustPrompt(page, 'restrict');
    expect(await isRestrictedMode(page)).toBe(true);

    await openFile(page, 'haproxy.cfg');

    expect(await activeEditorTitle(page)).toBe('haproxy.cfg');
    await screenshot(page, 'smoke-restricted');
    await page.context().close();
  }, 120_000);
});

/**
 * A language server in one file with no dependencies. `push` mode publishes
 * one diagnostic on didOpen; `pull` mode offers `diagnosticProvider` and
 * answers `textDocument/diagnostic` instead. Both answer hovers.
 */
const STUB_SERVER = String.raw`
const mode = process.argv[2] === 'pull' ? 'pull' : 'push';
const send = (message) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  process.stdout.write('Content-Length: ' + Buffer.byteLength(body) + '\r\n\r\n' + body);
};
const diagnostic = {
  range: { start: { line: 3, character: 9 }, end: { line: 3, character: 12 } },
  severity: 2, source: 'stub', code: 'stub/example', message: 'stub diagnostic from ' + mode,
};
const handle = (message) => {
  switch (message.method) {
    case 'initialize':
      send({ id: message.id, result: { capabilities: {
        textDocumentSync: 1, hoverProvider: true,
        ...(mode === 'pull' ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      }, serverInfo: { name: 'stub' } } });
      break;
    case 'textDocument/didOpen':
      if (mode === 'push') {
        send({ method: 'textDocument/publishDiagnostics', params: { uri: message.params.textDocument.uri, diagnostics: [diagnostic] } });
      }
      break;
    case 'textDocument/diagnostic':
      send({ id: message.id, result: { kind: 'full', items: [diagnostic] } });
      break;
    case 'textDocument/hover': {
      const { line, character } = message.params.position;
      send({ id: message.id, result: { contents: { kind: 'markdown', value: '**stub hover** at ' + line + ':' + character } } });
      break;
    }
    case 'shutdown':
      send({ id: message.id, result: null });
      break;
    case 'exit':
      process.exit(0);
    default:
      if (message.id !== undefined && message.method !== undefined) {
        send({ id: message.id, error: { code: -32601, message: 'unhandled ' + message.method } });
      }
  }
};
let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    handle(message);
  }
});
`;

describe.skipIf(skipped)('Neovim LSP client smoke', () => {
  let folder = '';

  beforeAll(() => {
    folder = makeWorkspace({ 'haproxy.cfg': HAPROXY_CFG, 'stub-server.cjs': STUB_SERVER });
  });

  afterAll(() => {
    if (folder !== '') {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('receives a pushed diagnostic and a hover from a stdio server', async () => {
    const result = await runNeovimLsp({
      serverCommand: [process.execPath, path.join(folder, 'stub-server.cjs'), 'push'],
      file: path.join(folder, 'haproxy.cfg'),
      filetype: 'haproxy',
      hover: { line: 3, character: 10 },
    });

    expect(result.errors, result.log).toEqual([]);
    expect(result.nvimVersion).toMatch(/^NVIM v\d/);
    expect(result.initialized).toBe(true);
    expect(result.diagnosticsMode).toBe('push');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ lnum: 3, col: 9, severity: 2, message: 'stub diagnostic from push', source: 'stub' }),
    ]);
    expect(result.hoverText).toBe('**stub hover** at 3:10');
  }, 60_000);

  it('pulls diagnostics when the server only offers textDocument/diagnostic', async () => {
    const result = await runNeovimLsp({
      serverCommand: [process.execPath, path.join(folder, 'stub-server.cjs'), 'pull'],
      file: path.join(folder, 'haproxy.cfg'),
      filetype: 'haproxy',
    });

    expect(result.errors, result.log).toEqual([]);
    expect(result.diagnosticsMode).toBe('pull');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['stub diagnostic from pull']);
    expect(result.hover).toBeNull();
  }, 60_000);
});
