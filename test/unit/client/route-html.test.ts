import { describe, expect, it } from 'vitest';
import { renderRoutePage, routeLinkTarget } from '../../../client/src/route-view/route-html';
import { lineLink } from '../../../server/src/features/render-route';

const page = (markdown: string): string => renderRoutePage(markdown, { title: 'Route of http://a/', nonce: 'N0nce' });

describe('route view page', () => {
  it('keeps the file links the server writes, which the Markdown preview drops', () => {
    const link = lineLink('/srv/haproxy/haproxy.cfg', 33);
    const html = page(`- decided by ${link} \`use_backend x\``);
    expect(html).toContain('<a href="file:///srv/haproxy/haproxy.cfg#L34">haproxy.cfg:34</a>');
    expect(routeLinkTarget('file:///srv/haproxy/haproxy.cfg#L34')).toEqual({ kind: 'file', uri: 'file:///srv/haproxy/haproxy.cfg', line: 34 });
  });

  it('reads a link without a line, a web link, and refuses every other scheme', () => {
    expect(routeLinkTarget('file:///srv/a%20b/x.map')).toEqual({ kind: 'file', uri: 'file:///srv/a%20b/x.map', line: undefined });
    expect(routeLinkTarget('file:///x.map#L0')).toEqual({ kind: 'file', uri: 'file:///x.map', line: undefined });
    expect(routeLinkTarget('https://docs.haproxy.org/2.6/configuration.html')).toEqual({ kind: 'web', url: 'https://docs.haproxy.org/2.6/configuration.html' });
    for (const href of ['javascript:alert(1)', 'command:workbench.action.terminal.new', 'vscode://file/etc/passwd', 'data:text/html,x', '']) {
      expect(routeLinkTarget(href)).toBeUndefined();
    }
  });

  it('renders no link for a refused scheme and escapes raw HTML from the request', () => {
    const html = page('[run](command:workbench.action.terminal.new) [x](javascript:alert(1)) GET http://a/<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<a href="(command|javascript):/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    // The page's own script is the only one, and only it may run.
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain(`script-src 'nonce-N0nce'`);
    expect(html).toContain('<script nonce="N0nce">');
  });

  it('renders the shares table and escapes the title', () => {
    const html = renderRoutePage('| server | share |\n| --- | --- |\n| `aws` | **25%** |\n', { title: 'Route of http://a/?q=<b>', nonce: 'n' });
    expect(html).toMatch(/<table>[\s\S]*<td><code>aws<\/code><\/td>[\s\S]*<strong>25%<\/strong>/);
    expect(html).toContain('<title>Route of http://a/?q=&#60;b&#62;</title>');
  });
});
