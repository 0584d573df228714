/*
 * "HAProxy: Simulate Route…": asks for a URL, sends haproxy/simulate and
 * shows the rendered trace in the route view. No HAProxy logic here.
 */
import { window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SimulateRequest } from '../../../server/src/protocol';
import type { RoutePanel } from '../route-view/route-panel';

const LANGUAGES = new Set(['haproxy', 'haproxy-map']);

/** The URL under the selection, if it looks like one, to prefill the input box. */
function selectedUrl(): string | undefined {
  const editor = window.activeTextEditor;
  const text = editor?.document.getText(editor.selection).trim();
  return text && /^(https?:\/\/)?[^\s/]+\.[^\s/]+\/\S*$/i.test(text) ? text : undefined;
}

export async function runSimulateRoute(client: LanguageClient, view: RoutePanel): Promise<void> {
  const editor = window.activeTextEditor;
  const uri = editor && LANGUAGES.has(editor.document.languageId) ? editor.document.uri.toString() : undefined;
  const url = await window.showInputBox({
    title: 'HAProxy: Simulate Route',
    prompt: 'Request URL: http(s)://host/path?query or host/path',
    value: selectedUrl() ?? 'http://',
    validateInput: (v) => (/^(https?:\/\/)?[^\s/]+(\/\S*)?$/i.test(v.trim()) && v.trim() !== 'http://' ? undefined : 'Enter a URL such as http://www.example.com/path'),
  });
  if (url === undefined) {
    return;
  }
  try {
    const result = await client.sendRequest(SimulateRequest, { url: url.trim(), ...(uri ? { uri } : {}) });
    view.show(url.trim(), result.markdown);
  } catch (e) {
    void window.showErrorMessage(`HAProxy: cannot simulate ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
