/**
 * Helpers for the active editor of the workbench: rendered text, hovers
 * (keyboard and mouse), code lenses, tabs, rename and quick fixes.
 *
 * Every wait polls DOM state with a deadline; nothing sleeps to synchronise.
 */
import type { Page } from 'playwright-core';
import { goToPosition, runCommand } from './browser';
import { pollFor } from './workbench';

/** The code lens texts rendered in the active editor. */
export async function codeLensTexts(page: Page): Promise<string[]> {
  return page.locator('.part.editor .editor-instance .monaco-editor .codelens-decoration').allInnerTexts();
}

/** Waits until a code lens of the active editor matches `pattern`; returns its text. */
export async function waitForCodeLens(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  let seen: string[] = [];
  return pollFor(
    page,
    async () => {
      seen = await codeLensTexts(page);
      return seen.find((text) => pattern.test(text));
    },
    () => `no code lens matching ${pattern}; shown: ${JSON.stringify(seen)}`,
    timeoutMs,
  );
}

/** Waits until the rendered lines of the active editor match `pattern`; returns them. */
export async function waitForEditorText(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const lines = page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first();
  let text = '';
  return pollFor(
    page,
    async () => {
      text = (await lines.innerText()).replace(/\u00a0/g, ' ');
      return pattern.test(text) ? text : undefined;
    },
    () => `the editor does not show ${pattern}; it shows:\n${text}`,
    timeoutMs,
  );
}

/**
 * Shows the hover at `line`:`column` (1-based) with the keyboard and waits
 * until its text matches `pattern` (hovers fill in part by part: a link
 * hint first, the language server's answer later). Returns the text.
 */
export async function waitForHoverAt(page: Page, line: number, column: number, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  await goToPosition(page, line, column);
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  let text = '';
  return pollFor(
    page,
    async () => {
      text = (await hover.innerText({ timeout: 1_000 }).catch(() => '')).replace(/\u00a0/g, ' ');
      return pattern.test(text) ? text : undefined;
    },
    () => `the hover at ${line}:${column} does not show ${pattern}; it shows:\n${text}`,
    timeoutMs,
  );
}

/**
 * Moves the mouse over the first rendered piece of the active editor's text
 * that contains `text` (as a user pointing at a word) and waits until the
 * hover that opens matches `pattern`. Returns the hover's text.
 */
export async function waitForMouseHover(page: Page, text: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const line = page.locator('.part.editor .editor-instance .monaco-editor .view-lines .view-line', { hasText: text }).first();
  await line.waitFor({ state: 'visible', timeout: timeoutMs });
  // The deepest span holding the text: a token, or the link decoration around it.
  await line.locator('span', { hasText: text }).last().hover();
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content').first();
  let shown = '';
  return pollFor(
    page,
    async () => {
      shown = (await hover.innerText({ timeout: 1_000 }).catch(() => '')).replace(/\u00a0/g, ' ');
      return pattern.test(shown) ? shown : undefined;
    },
    () => `the hover over "${text}" does not show ${pattern}; it shows:\n${shown}`,
    timeoutMs,
  );
}

/** Clicks the editor tab titled `name`, which also takes the keyboard focus back from a webview. */
export async function clickEditorTab(page: Page, name: string): Promise<void> {
  await page.locator('.part.editor .tabs-container .tab', { has: page.locator('.label-name', { hasText: name }) }).first().click();
}

/** Renames the symbol at `line`:`column` (1-based) of the active editor with F2. */
export async function renameSymbolAt(page: Page, line: number, column: number, newName: string, timeoutMs = 15_000): Promise<void> {
  await goToPosition(page, line, column);
  await page.keyboard.press('F2');
  const input = page.locator('.monaco-editor .rename-box input').first();
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(newName);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Opens the quick fixes at `line`:`column` (1-based) with Ctrl+. and runs
 * the one whose title contains `title`, with the arrow keys and Enter (the
 * menu blocks pointer events while it opens).
 */
export async function applyQuickFixAt(page: Page, line: number, column: number, title: string, timeoutMs = 15_000): Promise<void> {
  await goToPosition(page, line, column);
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  const count = await rows.count();
  for (let moves = 0; moves <= count; moves++) {
    const focused = rows.and(page.locator('.focused')).first();
    if (((await focused.getAttribute('aria-label').catch(() => null)) ?? '').includes(title)) {
      await page.keyboard.press('Enter');
      await rows.first().waitFor({ state: 'hidden', timeout: timeoutMs });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the quick fix menu has no focusable entry "${title}"`);
}
