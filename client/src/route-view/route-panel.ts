/*
 * The Simulate Route view: one webview panel beside the editor, reused for
 * every simulated URL. Its links open the deciding rule and map line in the
 * editor the simulation started from.
 */
import { randomBytes } from 'node:crypto';
import { env, Range, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import { renderRoutePage, routeLinkTarget } from './route-html';

export class RoutePanel implements Disposable {
  private panel: WebviewPanel | undefined;
  /** The editor group links open in: where the simulated config was shown. */
  private sourceColumn: ViewColumn = ViewColumn.One;

  /** Shows `markdown` (the server's rendering of the route of `url`), in the existing panel when there is one. */
  show(url: string, markdown: string): void {
    this.sourceColumn = window.activeTextEditor?.viewColumn ?? ViewColumn.One;
    const title = `Route of ${url}`;
    if (!this.panel) {
      // No local resources: the page is self-contained.
      this.panel = window.createWebviewPanel('haproxy.route', title, { viewColumn: ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.open(message));
    }
    this.panel.title = title;
    this.panel.webview.html = renderRoutePage(markdown, { title, nonce: randomBytes(16).toString('base64') });
    this.panel.reveal(undefined, false);
  }

  private async open(message: unknown): Promise<void> {
    const href = (message as { type?: unknown; href?: unknown } | null)?.href;
    const target = typeof href === 'string' ? routeLinkTarget(href) : undefined;
    if (!target) {
      return;
    }
    if (target.kind === 'web') {
      await env.openExternal(Uri.parse(target.url));
      return;
    }
    try {
      const doc = await workspace.openTextDocument(Uri.parse(target.uri));
      const line = Math.min((target.line ?? 1) - 1, doc.lineCount - 1);
      await window.showTextDocument(doc, { viewColumn: this.sourceColumn, selection: new Range(line, 0, line, 0) });
    } catch (e) {
      void window.showErrorMessage(`HAProxy: cannot open ${Uri.parse(target.uri).fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
