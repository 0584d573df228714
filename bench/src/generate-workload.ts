/**
 * The benchmark workload: a migration-shaped config with `backends` backends
 * (about 7 lines each, so 2,000 backends ≈ 14,000 lines) whose frontend routes
 * through a regex map of `mapLines` lines, like the seed article's
 * domain2backend.map, scaled up. Deterministic for a given seed. With
 * `defined` below `backends`, only the first `defined` backends are written
 * while the map still names all of them: a map left behind by a config that
 * lost most of its backends.
 */
export interface Workload {
  readonly config: string;
  readonly map: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STAGES = ['on-prem', 'mixed', 'mixed-critical', 'on-cloud'] as const;
const PATHS = ['v1', 'v2', 'v2\\/customers', 'v2\\/critical\\/(\\w{1,45})\\/payments', 'api', 'static', 'admin', 'search'];

export function generateWorkload(backends: number, mapLines: number, mapPath: string, seed = 1, defined = backends): Workload {
  const random = rng(seed);
  const apps = Math.max(1, Math.ceil(backends / STAGES.length));
  const lines: string[] = [
    'global',
    '    stats socket /tmp/haproxy-migration-bench.sock mode 600 level admin',
    '',
    'defaults',
    '    mode http',
    '    timeout connect 5s',
    '    timeout client 30s',
    '    timeout server 30s',
    '    timeout check 2s',
    '',
    'frontend www',
    '    bind 127.0.0.1:18080',
    `    use_backend %[base,map_reg(${mapPath},bk_default)]`,
    '',
    'backend bk_default',
    '    server onprem-default 127.0.0.1:18081 check',
    '',
  ];
  const names: string[] = [];
  for (let i = 0; i < backends; i++) {
    const app = `application-${String(Math.floor(i / STAGES.length) % apps).padStart(4, '0')}`;
    const stage = STAGES[i % STAGES.length] as string;
    const name = `${app}-${stage}`;
    names.push(name);
    if (i >= defined) {
      continue;
    }
    const cloud = stage === 'on-cloud' ? 100 : stage === 'mixed' ? 25 : stage === 'mixed-critical' ? 1 : 0;
    lines.push(
      `backend ${name}`,
      '    balance roundrobin',
      '    option httpchk',
      `    http-check send meth GET uri /HealthCheck ver HTTP/1.1 hdr Host ${app}.example.com`,
      `    server onprem-${app} 10.${(i >> 8) & 255}.${i & 255}.1:80 check weight ${100 - cloud}`,
      `    server aws-${app} 10.${(i >> 8) & 255}.${i & 255}.2:80 check inter 1s fall 1 rise 2 observe layer7 weight ${cloud}`,
      '',
    );
  }
  const map: string[] = ['#HOST Header                      #HAP backend_name'];
  for (let i = 0; i < mapLines; i++) {
    const app = `application-${String(i % apps).padStart(4, '0')}`;
    const path = PATHS[Math.floor(random() * PATHS.length)] as string;
    const backend = names[Math.floor(random() * names.length)] ?? 'bk_default';
    map.push(`^${app.replace(/-/g, '\\-')}\\.example\\.com\\/${path}\\/${i}\\/   ${backend}`);
  }
  return { config: lines.join('\n') + '\n', map: map.join('\n') + '\n' };
}
