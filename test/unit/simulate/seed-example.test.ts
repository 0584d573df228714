import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, DEFAULT_ENGINE_OPTIONS, simulateRequest } from '../../../server/src/engine';
import { shares } from './simulate-helpers';

const dir = join(__dirname, '../../../examples/migration');
const loaded = loadConfig(readFileSync(join(dir, 'haproxy.cfg'), 'utf8'), join(dir, 'haproxy.cfg'), {
  read: (p) => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
}, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: [{ from: '/etc/haproxy', to: dir }] });

function backendOf(url: string): string | null {
  const r = simulateRequest(loaded, { url }, { frontend: 'application-02' }).routes[0];
  return r?.backend ?? null;
}

describe('the seed article example', () => {
  it('sends critical payments to the mixed-critical backend', () => {
    expect(backendOf('http://application-02.6play.fr/v2/critical/acme/payments/')).toBe('application-02-mixed-critical');
    expect(backendOf('https://application-02.6play.fr/v2/critical/sensible_datas/payments/')).toBe('application-02-mixed-critical');
  });

  it('sends v2 customers to the mixed backend', () => {
    expect(backendOf('http://application-02.6play.fr/v2/customers/42')).toBe('application-02-mixed');
  });

  it('sends the rest of v2 to the cloud and v1 on-premise', () => {
    expect(backendOf('http://application-02.6play.fr/v2/videos')).toBe('application-02-on-cloud');
    expect(backendOf('http://application-02.6play.fr/v1/users')).toBe('application-02-on-prem');
  });

  it('sends other paths of the host to the on-premise catch-all and unknown hosts to bk_default', () => {
    expect(backendOf('http://application-02.6play.fr/health')).toBe('application-02-on-prem');
    expect(backendOf('http://unknown.6play.fr/v2/customers/')).toBe('bk_default');
  });

  it('splits application-01 25/75 between the cloud and on-premise', () => {
    const r = simulateRequest(loaded, { url: 'http://application-01.6play.fr/' }, { frontend: 'application-01' }).routes[0];
    expect(r && shares(r)).toEqual(['aws-prod-Kubernetes-application-01=1/4', 'onprem-prod-front-application-01=3/4']);
  });

  it('sends all application-01 traffic on-premise once the cloud server is down', () => {
    const r = simulateRequest(loaded, { url: 'http://application-01.6play.fr/', down: ['application-01/aws-prod-Kubernetes-application-01'] }, { frontend: 'application-01' }).routes[0];
    expect(r && shares(r)).toEqual(['onprem-prod-front-application-01=1/1']);
  });

  it('explains the map line that chose the backend', () => {
    const r = simulateRequest(loaded, { url: 'http://application-02.6play.fr/v2/customers/42' }, { frontend: 'application-02' }).routes[0];
    expect(r?.mapMatch).toMatchObject({ line: 2, value: 'application-02-mixed' });
    expect(r?.decidedBy?.text).toContain('use_backend %[base,map_reg(');
  });

  it('lists first the frontend whose rules matched when no bind port decides', () => {
    const r = simulateRequest(loaded, { url: 'http://application-02.6play.fr/v2/customers/42' });
    expect(r.routes.map((x) => [x.frontend, x.backend])).toEqual([
      ['application-02', 'application-02-mixed'],
      ['application-01', 'application-01'],
    ]);
    const bound = simulateRequest(loaded, { url: 'http://application-02.6play.fr:8001/v2/customers/42' });
    expect(bound.routes.map((x) => x.frontend)).toEqual(['application-01']);
  });
});
