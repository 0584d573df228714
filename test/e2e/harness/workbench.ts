/**
 * More workbench helpers for the extension scenarios, on top of browser.ts:
 * polling, the Problems view, notifications, quick picks and input boxes,
 * the Refactor Preview and webviews (Markdown preview). Editor helpers
 * (hovers, code lenses, rename, quick fixes) are in editor.ts.
 *
 * Every wait polls DOM state with a deadline; nothing sleeps to synchronise.
 */
import type { Locator, Page } from 'playwright-core';
import { readProblems, type ProblemEntry } from './browser';

/** Calls `probe` every `intervalMs` until it returns a value other than undefined, or throws `describe()` at the deadline. */
export async function pollFor<T>(page: Page, probe: () => Promise<T | undefined>, describe: () => string | Promise<string>, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    }
    await page.waitForTimeout(intervalMs);
  }
}

/**
 * Waits until the Problems view has, for every pattern, a row whose message
 * or ARIA label matches it; returns all rows.
 */
export async function waitForProblemsMatching(page: Page, patterns: readonly RegExp[], timeoutMs = 60_000): Promise<ProblemEntry[]> {
  let last: ProblemEntry[] = [];
  const matches = (p: RegExp): boolean => last.some((e) => p.test(e.message) || p.test(e.ariaLabel));
  return pollFor(
    page,
    async () => {
      last = await readProblems(page);
      return patterns.every(matches) ? last : undefined;
    },
    () => `Problems view lacks ${patterns.filter((p) => !matches(p)).join(', ')}; it shows:\n${last.map((e) => e.ariaLabel).join('\n')}`,
    timeoutMs,
    500,
  );
}

/** Texts of the notification toasts shown now. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
}

/** Waits for a notification toast whose message matches `pattern`; returns its text. */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  let seen: string[] = [];
  return pollFor(
    page,
    async () => {
      seen = await notificationTexts(page);
      return seen.find((text) => pattern.test(text));
    },
    () => `no notification matching ${pattern}; shown: ${JSON.stringify(seen)}`,
    timeoutMs,
  );
}

function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/**
 * Answers an input box (`window.showInputBox`) that is open or about to
 * open: replaces its value with `value` and presses Enter.
 */
export async function answerInputBox(page: Page, value: string, timeoutMs = 15_000): Promise<void> {
  const input = quickInput(page).locator('input.input').first();
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(value);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Picks the entry of an open (or opening) quick pick whose label contains
 * `label`, by typing it as the filter and pressing Enter on the focused row.
 */
export async function pickQuickItem(page: Page, label: string, timeoutMs = 15_000): Promise<void> {
  await quickInput(page).waitFor({ state: 'visible', timeout: timeoutMs });
  const input = quickInput(page).locator('input.input').first();
  await input.fill(label);
  await quickInput(page).locator('.monaco-list-row.focused', { hasText: label }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
}

/** The Apply button of the Refactor Preview panel. */
export function refactorPreviewApply(page: Page): Locator {
  return page.locator('.bulk-edit-panel .content .buttons .monaco-button', { hasText: /^Apply$/ }).first();
}

/**
 * Ticks every unticked change of the Refactor Preview: VS Code shows the
 * edits of a WorkspaceEdit marked `needsConfirmation` unticked, and Apply
 * applies only the ticked ones. Returns how many boxes were unticked.
 */
export async function tickRefactorPreviewEdits(page: Page): Promise<number> {
  const boxes = page.locator('.bulk-edit-panel input.edit-checkbox');
  let ticked = 0;
  for (let index = 0; index < (await boxes.count()); index++) {
    const box = boxes.nth(index);
    if (!(await box.isChecked())) {
      await box.check();
      ticked++;
    }
  }
  return ticked;
}

/**
 * Ticks every change of the Refactor Preview panel (see
 * {@link tickRefactorPreviewEdits}), clicks Apply and waits for the panel to
 * let go of its edit.
 */
export async function applyRefactorPreview(page: Page, timeoutMs = 30_000): Promise<void> {
  const apply = refactorPreviewApply(page);
  await apply.waitFor({ state: 'visible', timeout: timeoutMs });
  await tickRefactorPreviewEdits(page);
  await apply.click();
  await apply.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Waits until the text of some frame of the page (webviews such as the
 * route view live in nested iframes) matches `pattern`; returns it.
 */
export async function waitForWebviewText(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  let frames = 0;
  return pollFor(
    page,
    async () => {
      // The workbench itself is the main frame; webviews are the frames below it.
      const all = page.frames().filter((frame) => frame !== page.mainFrame());
      frames = all.length;
      for (const frame of all) {
        const text = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '');
        if (pattern.test(text)) {
          return text;
        }
      }
      return undefined;
    },
    () => `no frame of ${frames} shows ${pattern}`,
    timeoutMs,
    500,
  );
}

/** Clicks the first link whose text matches `text` in any webview frame; fails when none shows within `timeoutMs`. */
export async function clickWebviewLink(page: Page, text: RegExp, timeoutMs = 15_000): Promise<void> {
  const link = await pollFor(
    page,
    async () => {
      for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
        const found = frame.locator('a', { hasText: text }).first();
        if ((await found.count().catch(() => 0)) > 0) {
          return found;
        }
      }
      return undefined;
    },
    () => `no webview shows a link ${text}`,
    timeoutMs,
  );
  await link.click();
}

/** The cursor of the active editor as the status bar shows it, e.g. `Ln 3, Col 1`; waits for it to match `pattern`. */
export async function waitForCursor(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const item = page.locator('.statusbar-item[id="status.editor.selection"]');
  return pollFor(
    page,
    async () => {
      const text = (await item.innerText({ timeout: 1_000 }).catch(() => '')).trim();
      return pattern.test(text) ? text : undefined;
    },
    async () => `the status bar shows the cursor at '${(await item.innerText({ timeout: 1_000 }).catch(() => '(nothing)')).trim()}', not ${pattern}`,
    timeoutMs,
  );
}

/**
 * Waits until the Refactor Preview offers Apply (`'preview'`), or a
 * notification toast appears instead (returned as its text): commands that
 * refuse say so in a notification rather than opening the preview.
 */
export async function waitForPreviewOrNotification(page: Page, timeoutMs = 45_000): Promise<'preview' | { notification: string }> {
  return pollFor(
    page,
    async () => {
      if (await refactorPreviewApply(page).isVisible()) {
        return 'preview' as const;
      }
      const [first] = await notificationTexts(page);
      return first !== undefined ? { notification: first } : undefined;
    },
    () => 'neither the Refactor Preview nor a notification appeared',
    timeoutMs,
  );
}
