/**
 * The packaged extension in a real VS Code (code-server 4.100.3, VS Code
 * 1.100.3) driven through Debian Chromium, as a user would: keyboard,
 * command palette, Problems panel, hovers, the refactor preview.
 *
 * beforeAll builds the .vsix from the current sources (`npm run package` in
 * a staging copy), installs it, and starts one code-server for every
 * scenario. Each workspace is a copy of examples/migration with an
 * unreachable map line and an undefined backend planted
 * (harness/migration-workspace.ts). Screenshots of each step go to
 * test-results/e2e/vscode-*.png, and `*-failed.png` when a step fails.
 *
 * Needs scripts/setup-system.sh and scripts/setup-code-server.sh;
 * HAPROXY_MIGRATION_SKIP_E2E=1 skips.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerTrustPrompt, editorLanguage, goToPosition, isRestrictedMode, launchBrowser, openFile, openWorkbench, readProblems, runCommand, screenshot, waitForActiveEditor, withFailureScreenshot,
} from './harness/browser';
import { assertCodeServerInstalled, startCodeServer, type CodeServer } from './harness/code-server';
import { createMigrationWorkspace, MISSING_BACKEND, type MigrationWorkspace } from './harness/migration-workspace';
import { E2E_ARTIFACTS_DIR, isE2eSkipped } from './harness/paths';
import { packageExtension, type PackagedExtension } from './harness/vsix';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol';
import { applyQuickFixAt, clickEditorTab, renameSymbolAt, waitForCodeLens, waitForEditorText, waitForHoverAt, waitForMouseHover } from './harness/editor';
import {
  answerInputBox, applyRefactorPreview, clickWebviewLink, notificationTexts, pickQuickItem, pollFor, refactorPreviewApply, waitForCursor, waitForPreviewOrNotification, waitForProblemsMatching, waitForWebviewText,
} from './harness/workbench';

const skipped = isE2eSkipped();

/** The planted problems as the Problems panel words them. */
const UNREACHABLE = /can never match/i;
const UNDEFINED_BACKEND = new RegExp(`'${MISSING_BACKEND}'.*not defined`, 'i');
/** The hover of the customers URL: application-02-mixed and its 75 / 25 split. */
const MIXED_ROUTE = /application-02-mixed(?!-)[\s\S]*onprem-prod-front-application-02\W[^\n]*\b75\s*%[\s\S]*aws-prod-Kubernetes-application-02\W[^\n]*\b25\s*%/;
const AWS_01 = 'aws-prod-Kubernetes-application-01';
const ONPREM_01 = 'onprem-prod-front-application-01';

/** `server <name> … weight <n>` somewhere in `text`. */
function weightOf(text: string, server: string): number | undefined {
  const match = new RegExp(`server ${server} [^\\n]*\\bweight (\\d+)`).exec(text);
  return match ? Number(match[1]) : undefined;
}

let codeServer: CodeServer | undefined;
let browser: Browser | undefined;
let packaged: PackagedExtension | undefined;
let scratch = '';

beforeAll(async () => {
  if (skipped) {
    return;
  }
  assertCodeServerInstalled();
  // Screenshots of an earlier run would pass for this one's.
  for (const file of existsSync(E2E_ARTIFACTS_DIR) ? readdirSync(E2E_ARTIFACTS_DIR) : []) {
    if (/^vscode-.*\.png$/.test(file)) {
      rmSync(path.join(E2E_ARTIFACTS_DIR, file));
    }
  }
  scratch = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-vscode-e2e-'));
  packaged = await packageExtension();
  // Trust prompts stay on: the trusted folder is trusted by answering the prompt, the other stays restricted.
  [codeServer, browser] = await Promise.all([startCodeServer({ vsixPaths: [packaged.vsixPath], trust: 'restricted' }), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await codeServer?.stop();
  packaged?.dispose();
  if (scratch !== '') {
    rmSync(scratch, { recursive: true, force: true });
  }
});

/** Arguments of every running process of the installed extension's language server (Linux /proc). */
function serverCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // The process ended meanwhile.
    }
    if (args.some((a) => a.includes('haproxy-migration') && a.endsWith(path.join('server', 'out', 'main.js')))) {
      lines.push(args);
    }
  }
  return lines;
}

let stepNumber = 0;
/** Runs one user step; screenshots it afterwards, or as `…-failed` when it throws. */
async function step(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  const shot = `vscode-${String(++stepNumber).padStart(2, '0')}-${name}`;
  await withFailureScreenshot(page, shot, body);
  await screenshot(page, shot);
}

async function openFolder(ws: MigrationWorkspace, trust: 'trust' | 'restrict'): Promise<Page> {
  if (!codeServer || !browser) {
    throw new Error('code-server did not start');
  }
  const page = await openWorkbench(browser, codeServer.folderUrl(ws.folder));
  await answerTrustPrompt(page, trust);
  return page;
}

describe.skipIf(skipped)('VS Code (code-server): trusted folder', () => {
  let ws: MigrationWorkspace;
  let page: Page;
  /** The config's bytes right before Next Ramp Step: the rollback must give them back. */
  let beforeRamp = '';

  beforeAll(async () => {
    ws = createMigrationWorkspace(scratch);
    page = await openFolder(ws, 'trust');
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
  });

  it('opens haproxy.cfg as HAProxy', async () => {
    await step(page, 'opened-as-haproxy', async () => {
      expect(await isRestrictedMode(page)).toBe(false);
      await openFile(page, 'haproxy.cfg');
      expect(await editorLanguage(page)).toBe('HAProxy');
    });
  }, 60_000);

  it('starts the language server with the node options of the shared protocol file', async () => {
    await openFile(page, 'haproxy.cfg');
    const servers = await pollFor(page, async () => {
      const found = serverCommandLines();
      return found.length > 0 ? found : undefined;
    }, () => 'no language server process of the extension');
    for (const args of servers) {
      expect(args).toEqual(expect.arrayContaining([...SERVER_NODE_OPTIONS]));
    }
  }, 60_000);

  it('lists the unreachable map line and the undefined backend in the Problems panel, with only the config open', async () => {
    await step(page, 'problems', async () => {
      // The map is not opened: its problems come with the config that uses it.
      await openFile(page, 'haproxy.cfg');
      const problems = await waitForProblemsMatching(page, [UNREACHABLE, UNDEFINED_BACKEND]);
      const unreachable = problems.find((p) => UNREACHABLE.test(p.message));
      const undefinedBackend = problems.find((p) => UNDEFINED_BACKEND.test(p.message));
      expect(unreachable?.line).toBe(ws.unreachableMapLine);
      expect(unreachable?.message).toMatch(new RegExp(`line ${ws.shadowingMapLine}\\b`));
      expect(undefinedBackend?.severity).toBe('error');
      expect(undefinedBackend?.line).toBe(ws.missingBackendLine);
    });
  }, 90_000);

  it('shows the backend and the split when hovering a URL in a comment', async () => {
    await step(page, 'hover-url', async () => {
      await openFile(page, 'haproxy.cfg');
      await goToPosition(page, ws.customersUrlLine, 1);
      expect(await waitForMouseHover(page, 'application-02.6play.fr/v2/customers/42', MIXED_ROUTE)).toMatch(/Route of/);
    });
  }, 60_000);

  it('shows the split code lens above a weighted backend', async () => {
    await step(page, 'code-lens', async () => {
      await openFile(page, 'haproxy.cfg');
      await goToPosition(page, ws.rampBackendLine, 1);
      expect(await waitForCodeLens(page, /cloud 25\s*%.*on-prem 75\s*%/)).toBeTruthy();
    });
  }, 60_000);

  it('shows a route from HAProxy: Simulate Route… in the command palette', async () => {
    await step(page, 'simulate-route', async () => {
      await openFile(page, 'haproxy.cfg');
      await runCommand(page, 'HAProxy: Simulate Route');
      await answerInputBox(page, 'http://application-02.6play.fr/v2/customers/42');
      expect(await waitForWebviewText(page, /Route of[\s\S]*application-02-mixed/)).toMatch(MIXED_ROUTE);
      await screenshot(page, 'vscode-simulate-route-preview');
      // The map line that decided is a link: it opens the map file at that line.
      const mapLine = /^\s*application-02\\\.6play\\\.fr\\\/v2\\\/customers\\\/\s/m;
      const mapLineNumber = readFileSync(ws.mapPath, 'utf8').split('\n').findIndex((l) => mapLine.test(l)) + 1;
      expect(mapLineNumber).toBeGreaterThan(0);
      await clickWebviewLink(page, new RegExp(`^domain2backend\\.map:${mapLineNumber}$`));
      await waitForActiveEditor(page, 'domain2backend.map');
      await waitForCursor(page, new RegExp(`^Ln ${mapLineNumber}, Col 1\\b`));
      await screenshot(page, 'vscode-simulate-route-link-opened');
      await clickEditorTab(page, 'haproxy.cfg');
    });
  }, 60_000);

  it('fixes the undefined backend with its quick fix, and the error leaves the Problems panel once saved', async () => {
    await step(page, 'quick-fix', async () => {
      await openFile(page, 'haproxy.cfg');
      await applyQuickFixAt(page, ws.missingBackendLine, 17, "Rename to 'application-01'");
      await page.keyboard.press('Control+S');
      await pollFor(page, async () => (readFileSync(ws.configPath, 'utf8').includes('use_backend application-01 if') ? true : undefined), () => 'the fix was not saved');
      await pollFor(page, async () => ((await readProblems(page)).some((p) => UNDEFINED_BACKEND.test(p.message)) ? undefined : true), () => 'the undefined backend is still listed');
    });
  }, 60_000);

  it('changes the weights in the editor after the preview of HAProxy: Next Ramp Step', async () => {
    await step(page, 'next-ramp-step', async () => {
      await openFile(page, 'haproxy.cfg');
      await goToPosition(page, ws.rampBackendLine + 1, 5);
      await runCommand(page, 'HAProxy: Next Ramp Step');
      beforeRamp = readFileSync(ws.configPath, 'utf8');
      await pickQuickItem(page, 'application-01');
      expect(await waitForPreviewOrNotification(page)).toBe('preview');
      await screenshot(page, 'vscode-next-ramp-step-preview');
      // Nothing changes, in the editor or on disk, before the preview is applied.
      expect(weightOf(await waitForEditorText(page, new RegExp(`${AWS_01} [^\\n]*weight 25\\b`)), ONPREM_01)).toBe(75);
      expect(weightOf(readFileSync(ws.configPath, 'utf8'), AWS_01)).toBe(25);
      await applyRefactorPreview(page);
      await goToPosition(page, ws.rampBackendLine + 5, 1);
      const shown = await waitForEditorText(page, new RegExp(`${AWS_01} [^\\n]*weight 1\\b[\\s\\S]*${ONPREM_01} [^\\n]*weight 1\\b`));
      expect([weightOf(shown, AWS_01), weightOf(shown, ONPREM_01)]).toEqual([1, 1]);
      await pollFor(page, async () => (weightOf(readFileSync(ws.configPath, 'utf8'), AWS_01) === 1 ? true : undefined), () => 'the step was not saved');
      await waitForCodeLens(page, /cloud 50\s*%.*on-prem 50\s*%/);
    });
  }, 90_000);

  it('restores the weights with HAProxy: Roll Back Ramp Step', async () => {
    await step(page, 'roll-back-ramp-step', async () => {
      await openFile(page, 'haproxy.cfg');
      await goToPosition(page, ws.rampBackendLine + 1, 5);
      await runCommand(page, 'HAProxy: Roll Back Ramp Step');
      await pickQuickItem(page, 'application-01');
      expect(await waitForPreviewOrNotification(page)).toBe('preview');
      await applyRefactorPreview(page);
      await goToPosition(page, ws.rampBackendLine + 5, 1);
      const shown = await waitForEditorText(page, new RegExp(`${AWS_01} [^\\n]*weight 25\\b[\\s\\S]*${ONPREM_01} [^\\n]*weight 75\\b`));
      expect([weightOf(shown, AWS_01), weightOf(shown, ONPREM_01)]).toEqual([25, 75]);
      await pollFor(page, async () => (weightOf(readFileSync(ws.configPath, 'utf8'), ONPREM_01) === 75 ? true : undefined), () => 'the rollback was not saved');
      expect(readFileSync(ws.configPath, 'utf8')).toBe(beforeRamp);
    });
  }, 90_000);

  it('edits the map file when a backend is renamed', async () => {
    await step(page, 'rename-backend', async () => {
      await openFile(page, 'haproxy.cfg');
      await renameSymbolAt(page, ws.mixedBackendLine, 'backend '.length + 3, 'application-02-split');
      // Save the two edited files, each in its editor.
      for (const file of ['domain2backend.map', 'haproxy.cfg']) {
        await openFile(page, file);
        await page.keyboard.press('Control+S');
      }
      const map = await pollFor(
        page,
        async () => {
          const text = readFileSync(ws.mapPath, 'utf8');
          return /\/v2\\\/customers\\\/\s+application-02-split\s*$/m.test(text) ? text : undefined;
        },
        () => `the map file still reads:\n${readFileSync(ws.mapPath, 'utf8')}`,
      );
      // The longer name that only starts like the old one is left alone.
      expect(map).toMatch(/\s+application-02-mixed-critical\s*$/m);
      expect(readFileSync(ws.configPath, 'utf8')).toMatch(/^backend application-02-split$/m);
      await openFile(page, 'domain2backend.map');
      expect(await editorLanguage(page)).toBe('HAProxy Map');
      await waitForEditorText(page, /application-02-split/);
    });
  }, 60_000);
});

describe.skipIf(skipped)('VS Code (code-server): Restricted Mode', () => {
  let ws: MigrationWorkspace;
  let page: Page;
  let socketServer: Server;
  let socketConnections = 0;

  beforeAll(async () => {
    // A runtime API socket that records connections: Restricted Mode must never open it.
    const socketPath = path.join(scratch, 'admin.sock');
    socketServer = createServer((connection) => {
      socketConnections++;
      connection.end();
    });
    await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
    ws = createMigrationWorkspace(scratch, { '.vscode/settings.json': JSON.stringify({ 'haproxy.runtime.socket': socketPath }) });
    page = await openFolder(ws, 'restrict');
  }, 120_000);

  afterAll(async () => {
    await page?.context().close();
    await new Promise((resolve) => socketServer?.close(resolve));
  });

  it('still shows diagnostics and hovers', async () => {
    await step(page, 'restricted-diagnostics-hover', async () => {
      expect(await isRestrictedMode(page)).toBe(true);
      await openFile(page, 'domain2backend.map');
      await openFile(page, 'haproxy.cfg');
      await waitForProblemsMatching(page, [UNREACHABLE, UNDEFINED_BACKEND]);
      expect(await waitForHoverAt(page, ws.customersUrlLine, ws.customersUrlColumn + 10, MIXED_ROUTE)).toMatch(/Route of/);
    });
  }, 90_000);

  // The step may be applied to the file, but the configured socket must never be opened, and a
  // notification must say that Restricted Mode left the running HAProxy alone.
  it('refuses to apply weights to the runtime API, and says so', async () => {
    await step(page, 'restricted-runtime-refused', async () => {
      await openFile(page, 'haproxy.cfg');
      await goToPosition(page, ws.rampBackendLine + 1, 5);
      await runCommand(page, 'HAProxy: Next Ramp Step');
      await pickQuickItem(page, 'application-01');
      // Whether or not the file edit goes ahead, the user must learn that the running HAProxy was left alone.
      const refusal = /(runtime|running HAProxy)[\s\S]*(trust|Restricted Mode)|(trust|Restricted Mode)[\s\S]*(runtime|running HAProxy)/i;
      const first = await waitForPreviewOrNotification(page);
      if (first === 'preview') {
        await screenshot(page, 'vscode-restricted-ramp-preview');
        await applyRefactorPreview(page);
      }
      const seen = new Set<string>(first === 'preview' ? [] : [first.notification]);
      await pollFor(
        page,
        async () => {
          for (const text of await notificationTexts(page)) {
            seen.add(text);
          }
          return [...seen].find((text) => refusal.test(text));
        },
        () => `no notification says the runtime API was left alone because the folder is not trusted; notifications: ${JSON.stringify([...seen])}`,
        20_000,
      );
      expect(socketConnections).toBe(0);
    });
  }, 90_000);
});
