/**
 * Drives the VS Code 1.100 workbench served by code-server through Debian's
 * Chromium with playwright-core.
 *
 * The helpers go through the keyboard and the command palette where they
 * can (F1, Ctrl+P, Ctrl+G), and read the DOM through the class names and
 * ARIA labels that VS Code's own smoke tests rely on, so they survive theme
 * and layout changes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_PATH, E2E_ARTIFACTS_DIR } from './paths';

/** Chromium flags for a root user on a machine with no outside network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Default viewport of workbench pages. */
export const WORKBENCH_VIEWPORT = { width: 1400, height: 900 } as const;

/** Severity shown by an entry of the Problems view. */
export type ProblemSeverity = 'error' | 'warning' | 'info' | 'unknown';

/** One marker row of the Problems view. */
export interface ProblemEntry {
  readonly severity: ProblemSeverity;
  readonly message: string;
  /** 1-based line, when the row shows one. */
  readonly line?: number;
  /** 1-based column, when the row shows one. */
  readonly column?: number;
  /** The row's full ARIA label, e.g. "Error: … at line 3 and character 5 …". */
  readonly ariaLabel: string;
}

/** Launches headless Debian Chromium. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * Opens `url` (typically `codeServer.folderUrl(folder)`) in a new browser
 * context and waits for the workbench.
 */
export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { ...WORKBENCH_VIEWPORT } });
  const page = await context.newPage();
  await page.goto(url);
  await waitForWorkbench(page);
  return page;
}

/** Waits until the workbench shell (editor area and status bar) is shown. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench .part.editor').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** The workspace trust dialog shown when a folder opens with trust enabled. */
function trustDialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box').filter({ hasText: 'Do you trust the authors' });
}

/**
 * Answers the "Do you trust the authors of the files in this folder?"
 * dialog: `trust` trusts the folder, `restrict` keeps Restricted Mode.
 */
export async function answerTrustPrompt(page: Page, answer: 'trust' | 'restrict', timeoutMs = 30_000): Promise<void> {
  const dialog = trustDialog(page);
  await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
  const label = answer === 'trust' ? 'Yes, I trust the authors' : "No, I don't trust the authors";
  await dialog.locator('.monaco-button', { hasText: label }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
  await waitForTrustState(page, answer === 'trust' ? 'trusted' : 'restricted', timeoutMs);
}

function restrictedModeItem(page: Page): Locator {
  return page.locator('.part.statusbar [id="status.workspaceTrust"]', { hasText: 'Restricted Mode' });
}

/**
 * Whether the status bar shows the Restricted Mode indicator right now.
 * The indicator appears a moment after the workbench; prefer
 * {@link waitForTrustState} right after opening a folder.
 */
export async function isRestrictedMode(page: Page): Promise<boolean> {
  return (await restrictedModeItem(page).count()) > 0;
}

/**
 * Waits until the status bar shows (`restricted`) or stops showing
 * (`trusted`) Restricted Mode. The indicator can show for a moment after
 * the folder is trusted, so `trusted` needs it gone for one second.
 */
export async function waitForTrustState(page: Page, state: 'trusted' | 'restricted', timeoutMs = 15_000): Promise<void> {
  const item = restrictedModeItem(page).first();
  if (state === 'restricted') {
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
    return;
  }
  const deadline = Date.now() + timeoutMs;
  let absentSince: number | undefined;
  while (Date.now() < deadline) {
    if (await isRestrictedMode(page)) {
      absentSince = undefined;
    } else {
      absentSince ??= Date.now();
      if (Date.now() - absentSince >= 1_000) {
        return;
      }
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the workspace still shows Restricted Mode after ${timeoutMs} ms`);
}

const QUICK_INPUT = '.quick-input-widget';

async function waitForQuickInput(page: Page): Promise<Locator> {
  const widget = page.locator(QUICK_INPUT);
  await widget.waitFor({ state: 'visible', timeout: 10_000 });
  return widget;
}

/**
 * Runs a command through the command palette (F1). `label` is the text the
 * palette shows, e.g. `View: Toggle Terminal` or `HAProxy: Simulate Request`;
 * the first entry whose label contains it (case-insensitive) is run.
 */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const widget = await waitForQuickInput(page);
  await page.keyboard.type(label);
  const row = widget.locator('.monaco-list-row.focused');
  await row.filter({ hasText: new RegExp(escapeRegExp(label), 'i') }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P) and waits until its
 * editor tab is active. `relativePath` is relative to the workspace folder.
 */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = path.posix.basename(relativePath);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const widget = await waitForQuickInput(page);
  await page.keyboard.type(relativePath);
  await widget
    .locator('.monaco-list-row.focused')
    .filter({ hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await waitForActiveEditor(page, name);
}

/** Waits until the active editor tab is titled `name` and its text is shown. */
export async function waitForActiveEditor(page: Page, name: string, timeoutMs = 15_000): Promise<void> {
  await page
    .locator('.part.editor .tabs-container .tab.active .label-name', { hasText: name })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Titles of the editor tabs, left to right. */
export async function editorTabTitles(page: Page): Promise<string[]> {
  return page.locator('.part.editor .tabs-container .tab .label-name').allInnerTexts();
}

/** Title of the active editor tab, if any. */
export async function activeEditorTitle(page: Page): Promise<string | undefined> {
  const tab = page.locator('.part.editor .tabs-container .tab.active .label-name').first();
  return (await tab.count()) > 0 ? tab.innerText() : undefined;
}

/** The language mode shown in the status bar (e.g. `HAProxy`, `Plain Text`). */
export async function editorLanguage(page: Page): Promise<string> {
  const item = page.locator('.part.statusbar [id="status.editor.mode"]').first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  return (await item.innerText()).trim();
}

/**
 * The text of the editor lines currently rendered in the active editor
 * (only the lines in view; empty lines may be dropped).
 */
export async function visibleEditorText(page: Page): Promise<string> {
  const lines = page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first();
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Moves the cursor of the active editor to `line`:`column` (both 1-based)
 * with Go to Line (Ctrl+G).
 */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await waitForQuickInput(page);
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Shows the hover at `line`:`column` (1-based) of the active editor, with
 * the keyboard (Go to Line, then "Show or Focus Hover"), and returns its
 * text. Resolves to an empty string when no hover appears in `timeoutMs`.
 */
export async function hoverAt(page: Page, line: number, column: number, timeoutMs = 10_000): Promise<string> {
  await goToPosition(page, line, column);
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  try {
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    return '';
  }
  // The hover fills in when the language server answers; wait for text.
  const deadline = Date.now() + timeoutMs;
  let text = (await hover.innerText()).trim();
  while (text === '' || /^Loading/.test(text)) {
    if (Date.now() > deadline) {
      break;
    }
    await page.waitForTimeout(100);
    text = (await hover.innerText()).trim();
  }
  return text;
}

/** Opens the Problems view (Ctrl+Shift+M toggles it; this only opens it). */
export async function openProblems(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await runCommand(page, 'Focus on Problems View');
  }
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel;
}

function severityOf(ariaLabel: string, iconClass: string): ProblemSeverity {
  if (/codicon-error/.test(iconClass) || /^Error\b/i.test(ariaLabel)) {
    return 'error';
  }
  if (/codicon-warning/.test(iconClass) || /^Warning\b/i.test(ariaLabel)) {
    return 'warning';
  }
  if (/codicon-info/.test(iconClass) || /^Info\b/i.test(ariaLabel)) {
    return 'info';
  }
  return 'unknown';
}

/**
 * Opens the Problems view and returns its marker rows (file rows are
 * skipped). Rows are those rendered, which is all of them for the small
 * workspaces of the tests.
 */
export async function readProblems(page: Page): Promise<ProblemEntry[]> {
  const panel = await openProblems(page);
  const rows = panel.locator('.monaco-list-row');
  const count = await rows.count();
  const entries: ProblemEntry[] = [];
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    const message = row.locator('.marker-message-details, .marker-message').first();
    if ((await row.locator('.marker-icon').count()) === 0 && (await message.count()) === 0) {
      continue; // a file row
    }
    const ariaLabel = (await row.getAttribute('aria-label')) ?? '';
    const iconClass = (await row.locator('.marker-icon .codicon, .marker-icon').first().getAttribute('class').catch(() => null)) ?? '';
    const position = /line (\d+) and character (\d+)/i.exec(ariaLabel) ?? /\[Ln (\d+), Col (\d+)\]/.exec(await row.innerText());
    const messageText = (await row.locator('.marker-message-line .marker-message, .marker-message').first().innerText().catch(() => '')).trim();
    entries.push({
      severity: severityOf(ariaLabel, iconClass),
      message: messageText !== '' ? messageText : ariaLabel,
      ...(position ? { line: Number(position[1]), column: Number(position[2]) } : {}),
      ariaLabel,
    });
  }
  return entries;
}

/** Waits until the Problems view lists at least `count` markers, and returns them. */
export async function waitForProblems(page: Page, count: number, timeoutMs = 30_000): Promise<ProblemEntry[]> {
  const deadline = Date.now() + timeoutMs;
  let entries = await readProblems(page);
  while (entries.length < count && Date.now() < deadline) {
    await page.waitForTimeout(250);
    entries = await readProblems(page);
  }
  return entries;
}

/**
 * Saves a full-page PNG to `test-results/e2e/<name>.png` and returns its path.
 * `name` may contain any characters; unsafe ones become `-`.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });
  const file = path.join(E2E_ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs `body`; when it throws, saves a `<name>-failed` screenshot before
 * rethrowing. Screenshot errors never hide the original one.
 */
export async function withFailureScreenshot<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    await screenshot(page, `${name}-failed`).catch(() => undefined);
    throw error;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
