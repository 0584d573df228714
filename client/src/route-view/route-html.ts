/*
 * The page of the Simulate Route view: the server's Markdown rendered to
 * HTML, and where each of its links leads. Free of the VS Code API so it is
 * tested on its own.
 *
 * VS Code's Markdown preview drops `file:` links (markdown-it refuses that
 * scheme), so the deciding rule and map line could not be clicked there.
 * This page keeps them, and its script hands every click to the extension,
 * which opens the file at the line.
 */
import MarkdownIt from 'markdown-it';

/** Where a link of the route view leads: a line of a file, or a web page. */
export type RouteLinkTarget = { readonly kind: 'file'; readonly uri: string; readonly line: number | undefined } | { readonly kind: 'web'; readonly url: string };

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Only the links the server writes: lines of files, and the simulated URL itself.
markdown.validateLink = (url: string): boolean => /^(file|https?):/i.test(url.trim());

/** The target of `href` (`file:///…/haproxy.cfg#L34` is line 34, 1-based), undefined for anything else. */
export function routeLinkTarget(href: string): RouteLinkTarget | undefined {
  const file = /^(file:\/\/[^#]*)(?:#L(\d+))?$/i.exec(href.trim());
  if (file) {
    const line = file[2] === undefined ? undefined : Number(file[2]);
    return { kind: 'file', uri: file[1] as string, line: line !== undefined && line >= 1 ? line : undefined };
  }
  return /^https?:\/\/\S+$/i.test(href.trim()) ? { kind: 'web', url: href.trim() } : undefined;
}

export interface RoutePageOptions {
  readonly title: string;
  /** One random value per rendering: only the page's own style and script run. */
  readonly nonce: string;
}

/** The whole HTML page of a rendered route. The Markdown's raw HTML is escaped, never run. */
export function renderRoutePage(source: string, options: RoutePageOptions): string {
  const { nonce } = options;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
${markdown.render(source)}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/* Theme colours and fonts of the workbench, so the page reads like the editor around it. */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); line-height: 1.5; padding: 0 1.5em 2em; }
h3 { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .3em; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 .25em; border-radius: 3px; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; }
a:hover { text-decoration: underline; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid var(--vscode-panel-border); padding: .2em .7em; text-align: left; }
hr { border: 0; border-top: 1px solid var(--vscode-panel-border); }
`;

/* Every click on a link goes to the extension, which knows how to open it; the page itself navigates nowhere. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (link) {
    event.preventDefault();
    vscode.postMessage({ type: 'open', href: link.getAttribute('href') });
  }
});
`;
