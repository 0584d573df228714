/**
 * The code-server scenario (test/e2e/vscode.test.ts) through the VS Code
 * API, in the extension host: language, diagnostics, hover, code lens,
 * Simulate Route, Next / Roll Back Ramp Step through the refactor preview,
 * rename into the map file. No sleeps: diagnostics are awaited with
 * `languages.onDidChangeDiagnostics`; commands that ask the user are driven
 * by accepting their quick input or preview until the command settles.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import {
  commands, extensions, languages, Position, Range, Selection, Uri, window, workspace, type CodeAction, type CodeLens, type Diagnostic, type Hover, type MarkdownString, type WorkspaceEdit,
} from 'vscode';
import { readScenario } from './scenario';

const MIXED_ROUTE = /application-02-mixed(?!-)[\s\S]*onprem-prod-front-application-02\W[^\n]*\b75\s*%[\s\S]*aws-prod-Kubernetes-application-02\W[^\n]*\b25\s*%/;

/** Resolves once `uri` has a diagnostic with `code`, or rejects after `timeoutMs`. */
function diagnosticWithCode(uri: Uri, code: string, timeoutMs = 30_000): Promise<Diagnostic> {
  const find = (): Diagnostic | undefined =>
    languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code);
  return new Promise((resolve, reject) => {
    const now = find();
    if (now) {
      resolve(now);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no ${code} diagnostic on ${uri.fsPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = languages.onDidChangeDiagnostics(() => {
      const found = find();
      if (found) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(found);
      }
    });
  });
}

/**
 * Runs `command` and, until it settles, accepts whatever it shows: the
 * quick pick or input box (its prefilled or first item) and the refactor
 * preview. Each round waits for the next turn of the extension host.
 */
async function runAccepting(command: string, timeoutMs = 60_000): Promise<void> {
  let settled = false;
  const done = Promise.resolve(commands.executeCommand(command)).finally(() => (settled = true));
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) {
      throw new Error(`${command} did not finish within ${timeoutMs} ms`);
    }
    await commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem').then(undefined, () => undefined);
    await commands.executeCommand('refactorPreview.apply').then(undefined, () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await done;
}

function hoverText(hovers: readonly Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : (c as MarkdownString).value))
    .join('\n');
}

function weightOf(text: string, server: string): number | undefined {
  const match = new RegExp(`server ${server} [^\\n]*\\bweight (\\d+)`).exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Defines the suite; call after Mocha's `pre-require` (see index.ts). */
export function defineMigrationSuite(): void {
  const ws = readScenario();
  const configUri = Uri.file(ws.configPath);
  const mapUri = Uri.file(ws.mapPath);

  suite('HAProxy Migration in VS Code', () => {
    suiteSetup(async () => {
      await extensions.getExtension('haproxy-migration.haproxy-migration')?.activate();
    });

    test('opens haproxy.cfg as HAProxy and the map file as HAProxy Map', async () => {
      const config = await workspace.openTextDocument(configUri);
      await window.showTextDocument(config);
      assert.equal(config.languageId, 'haproxy');
      assert.equal((await workspace.openTextDocument(mapUri)).languageId, 'haproxy-map');
    });

    test('reports the unreachable map line and the undefined backend', async () => {
      await window.showTextDocument(await workspace.openTextDocument(mapUri), { preview: false });
      const unreachable = await diagnosticWithCode(mapUri, 'map/unreachable-line');
      assert.equal(unreachable.range.start.line, ws.unreachableMapLine - 1);
      assert.match(unreachable.message, new RegExp(`line ${ws.shadowingMapLine}\\b`));
      const undefinedBackend = await diagnosticWithCode(configUri, 'backend/undefined');
      assert.equal(undefinedBackend.range.start.line, ws.missingBackendLine - 1);
    });

    test('shows the backend and the split when hovering a URL in a comment', async () => {
      const position = new Position(ws.customersUrlLine - 1, ws.customersUrlColumn + 9);
      const hovers = await commands.executeCommand<Hover[]>('vscode.executeHoverProvider', configUri, position);
      assert.match(hoverText(hovers), MIXED_ROUTE);
    });

    test('shows the split code lens above a weighted backend', async () => {
      const lenses = await commands.executeCommand<CodeLens[]>('vscode.executeCodeLensProvider', configUri, 100);
      const titles = lenses.filter((l) => l.range.start.line === ws.rampBackendLine - 1).map((l) => l.command?.title ?? '');
      assert.ok(titles.some((t) => /cloud 25\s*%.*on-prem 75\s*%/.test(t)), JSON.stringify(titles));
    });

    test('shows a route with HAProxy: Simulate Route…', async () => {
      const editor = await window.showTextDocument(await workspace.openTextDocument(configUri));
      // The command prefills the input box with the selected URL.
      const line = editor.document.lineAt(ws.customersUrlLine - 1).text;
      const start = ws.customersUrlColumn - 1;
      const end = line.indexOf(' ', start) < 0 ? line.length : line.indexOf(' ', start);
      editor.selection = new Selection(ws.customersUrlLine - 1, start, ws.customersUrlLine - 1, end);
      await runAccepting('haproxy.simulateRoute');
      const route = workspace.textDocuments.find((d) => d.languageId === 'markdown' && d.getText().includes('Route of'));
      assert.ok(route, 'no route document was opened');
      assert.match(route.getText(), MIXED_ROUTE);
    });

    test('fixes the undefined backend with its quick fix', async () => {
      const diagnostic = await diagnosticWithCode(configUri, 'backend/undefined');
      const actions = await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', configUri, diagnostic.range);
      const fix = actions.find((a) => a.title === "Rename to 'application-01'");
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(await workspace.applyEdit(fix.edit));
      assert.ok(await (await workspace.openTextDocument(configUri)).save());
    });

    test('changes the weights after the preview of HAProxy: Next Ramp Step, and Roll Back Ramp Step restores them', async () => {
      const editor = await window.showTextDocument(await workspace.openTextDocument(configUri));
      editor.selection = new Selection(ws.rampBackendLine, 4, ws.rampBackendLine, 4);
      await runAccepting('haproxy.nextRampStep');
      assert.deepEqual([weightOf(editor.document.getText(), 'aws-prod-Kubernetes-application-01'), weightOf(editor.document.getText(), 'onprem-prod-front-application-01')], [1, 1]);
      assert.equal(editor.document.isDirty, false);
      await runAccepting('haproxy.rollBackRampStep');
      assert.deepEqual([weightOf(editor.document.getText(), 'aws-prod-Kubernetes-application-01'), weightOf(editor.document.getText(), 'onprem-prod-front-application-01')], [25, 75]);
    });

    test('edits the map file when a backend is renamed', async () => {
      const config = await workspace.openTextDocument(configUri);
      const position = new Position(ws.mixedBackendLine - 1, 'backend '.length + 2);
      const edit = await commands.executeCommand<WorkspaceEdit>('vscode.executeDocumentRenameProvider', configUri, position, 'application-02-split');
      assert.ok(await workspace.applyEdit(edit));
      const map = await workspace.openTextDocument(mapUri);
      assert.match(map.getText(), /\/v2\\\/customers\\\/\s+application-02-split\s*$/m);
      assert.match(map.getText(), /\s+application-02-mixed-critical\s*$/m);
      assert.equal(config.getText(new Range(ws.mixedBackendLine - 1, 0, ws.mixedBackendLine - 1, 100)), 'backend application-02-split');
    });
  });
}
