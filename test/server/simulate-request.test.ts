import { afterEach, describe, expect, it } from 'vitest';
import type { SimulateResult } from '../../server/src/protocol';
import type { LspHarness } from '../helpers/lsp-harness';
import { openExample } from '../helpers/open-example';

let h: LspHarness | undefined;
afterEach(() => h?.dispose());

describe('haproxy/simulate', () => {
  it('routes a URL through the config with the whole trace, linking the deciding lines', async () => {
    const ex = await openExample();
    h = ex.h;
    const r = await h.request<SimulateResult>('haproxy/simulate', { url: 'application-02.6play.fr/v2/critical/acme/payments/', uri: ex.ws.cfgUri });
    const app02 = r.routes.find((x) => x.frontend === 'application-02');
    expect(app02?.backend).toBe('application-02-mixed-critical');
    expect(app02?.shares).toEqual([{ server: 'onprem-prod-front-application-02', share: 0.99 }, { server: 'aws-prod-Kubernetes-application-02', share: 0.01 }]);
    expect(r.markdown).toContain(`(${ex.ws.cfgUri}#L33)`);
    expect(r.markdown).toMatch(/\n1\. \[haproxy\.cfg:\d+\]/);
  });

  it('routes through every known config when no document is given', async () => {
    const ex = await openExample();
    h = ex.h;
    const r = await h.request<SimulateResult>('haproxy/simulate', { url: 'http://application-02.6play.fr/v1/users' });
    expect(r.routes.map((x) => [x.frontend, x.backend])).toEqual([['application-02', 'application-02-on-prem'], ['application-01', 'application-01']]);
  });

  it('routes through the configs that use a map when asked from the map', async () => {
    const ex = await openExample({ map: true });
    h = ex.h;
    const r = await h.request<SimulateResult>('haproxy/simulate', { url: 'http://application-02.6play.fr/v2/x', uri: ex.ws.mapUri });
    expect(r.routes.find((x) => x.frontend === 'application-02')?.backend).toBe('application-02-on-cloud');
  });
});
