import { afterEach, describe, expect, it } from 'vitest';
import { copyExample } from '../helpers/example-workspace';
import { LspHarness } from '../helpers/lsp-harness';
import { parseMarkers, positionOf, positionOfText } from '../helpers/markers';

type HoverResult = { contents: { kind: string; value: string }; range: { start: { line: number } } } | null;

let h: LspHarness | undefined;
afterEach(() => h?.dispose());

async function openExample(): Promise<{ h: LspHarness; ws: ReturnType<typeof copyExample> }> {
  const ws = copyExample();
  h = await LspHarness.start({ workspaceFolders: [ws.dir] });
  const ready = h.nextDiagnostics(ws.cfgUri);
  await h.open(ws.cfgUri, ws.cfgText);
  await ready;
  return { h, ws };
}

const hover = (uri: string, position: { line: number; character: number }) =>
  (h as LspHarness).request<HoverResult>('textDocument/hover', { textDocument: { uri }, position });

describe('hover', () => {
  it('simulates the URL in a comment: the map line, the backend and its split', async () => {
    const { ws } = await openExample();
    const md = (await hover(ws.cfgUri, positionOfText(ws.cfgText, 'application-02.6play.fr/v2/customers/42', 5)))?.contents.value ?? '';
    expect(md).toContain('frontend `application-02` → backend **`application-02-mixed`**');
    expect(md).toContain('map line [domain2backend.map:3]');
    expect(md).toMatch(/`aws-prod-Kubernetes-application-02` \| \*\*25%\*\*/);
    expect(md).toMatch(/`onprem-prod-front-application-02` \| \*\*75%\*\*/);
    expect(md).toContain('fails its check: `onprem-prod-front-application-02` 100%');
  });

  it('shows the effective share of a server on its line', async () => {
    const { ws } = await openExample();
    const md = (await hover(ws.cfgUri, positionOfText(ws.cfgText, 'server aws-prod-Kubernetes-application-01', 10)))?.contents.value ?? '';
    expect(md).toContain('receives **25%** of backend `application-01` (1/4, balance roundrobin)');
    expect(md).toContain('cloud 25% · on-prem 75%');
  });

  it('describes a keyword with a link to the HAProxy 2.6 manual', async () => {
    const { ws } = await openExample();
    const md = (await hover(ws.cfgUri, positionOfText(ws.cfgText, 'use_backend %[', 2)))?.contents.value ?? '';
    expect(md).toContain('**use_backend** — Switch to a specific backend');
    expect(md).toContain('https://docs.haproxy.org/2.6/configuration.html#4.2-use_backend');
    const weight = (await hover(ws.cfgUri, positionOfText(ws.cfgText, 'weight 25', 1)))?.contents.value ?? '';
    expect(weight).toContain('https://docs.haproxy.org/2.6/configuration.html#5.2-weight');
  });

  it('explains a map line: its users, the backend it selects with the split, and a witness', async () => {
    const { ws } = await openExample();
    await h?.open(ws.mapUri, ws.mapText);
    const md = (await hover(ws.mapUri, positionOfText(ws.mapText, 'application-02\\.6play\\.fr\\/v2\\/customers', 3)))?.contents.value ?? '';
    expect(md).toContain('**map line 3**');
    expect(md).toContain('`map_reg` in frontend `application-02`');
    expect(md).toContain('selects backend `application-02-mixed`: cloud 25% · on-prem 75%');
    expect(md).toMatch(/reachable with `map_reg`, e\.g\. `[^`]*application-02\.6play\.fr\/v2\/customers\//);
  });

  it('reports a map line covered by an earlier one', async () => {
    const { ws } = await openExample();
    const text = ws.mapText.replace('application-02\\.6play\\.fr\\/v1\\/ ', 'application-02\\.6play\\.fr\\/v2\\/x');
    await h?.open(ws.mapUri, text);
    const md = (await hover(ws.mapUri, positionOfText(text, 'v2\\/x', 1)))?.contents.value ?? '';
    expect(md).toContain('**never matches** with `map_reg`: covered by [domain2backend.map:4]');
  });

  it('shows the split of a backend named by a map value', async () => {
    const { ws } = await openExample();
    const { text, cursors } = parseMarkers(ws.mapText.replace('application-02-mixed-critical', 'application-02-mixed-cri<|>tical'));
    await h?.open(ws.mapUri, text);
    const md = (await hover(ws.mapUri, positionOf(text, cursors[0] as number)))?.contents.value ?? '';
    expect(md).toContain('selects backend `application-02-mixed-critical`: cloud 1% · on-prem 99%');
  });

  it('answers null away from anything it knows', async () => {
    const { ws } = await openExample();
    expect(await hover(ws.cfgUri, { line: 8, character: 0 })).toBeNull();
  });
});
