import type { Rng } from './seeded-rng';

/**
 * Seeded generator of migration-style configs for the routing differential
 * test: map_reg / map_beg / map_str and ACL routing frontends, a listen with
 * its own servers, backends with random weights 0–256, backups, allbackups,
 * disabled servers, names of missing backends and Host rewrites. Every
 * server points at an echo `listen` of the same name.
 */

export interface GeneratedFrontend {
  readonly name: string;
  readonly port: number;
}

export interface GeneratedCase {
  readonly frontend: string;
  readonly port: number;
  /** Absolute URL for the simulator (its authority is the Host header sent). */
  readonly url: string;
  readonly host: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface GeneratedRig {
  /** Config text for a temp dir (map files are named by absolute path inside it). */
  config(dir: string): string;
  readonly files: Readonly<Record<string, string>>;
  readonly frontends: readonly GeneratedFrontend[];
  readonly cases: readonly GeneratedCase[];
  /** Every port HAProxy must listen on before the test starts. */
  readonly ports: readonly number[];
}

const HOSTS = ['app1.example', 'app2.example', 'App1.Example', 'api.app2.example', 'other.test', 'app2.example:8080'];
const PATHS = ['/', '/v1/users', '/v1/', '/v2/', '/v2/critical/acme/payments/', '/v2/critical/x_y/payments/list', '/v2/customers/42', '/v2/videos', '/api/v3/x', '/static/img.png', '/rw/v2/customers/1', '/V2/customers/', '/v1', '/st/a.jpg'];
const QUERIES = ['', '', '', '?debug=1', '?x=1&debug=', '?page=2'];

function weight(rng: Rng): number {
  return rng.pick([0, 1, 1, 2, 3, rng.int(1, 10), rng.int(0, 256), rng.int(0, 256)]);
}

/** Backend sections plus the echo listens their servers point at. */
function backends(rng: Rng, count: number, nextPort: () => number): { text: string[]; names: string[] } {
  const text: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `be_${i}`;
    names.push(name);
    const algo = rng.pick(['roundrobin', 'roundrobin', 'roundrobin', 'static-rr', 'first', 'uri']);
    const lines = [`backend ${name}`, `  balance ${algo}`];
    if (rng.chance(0.3)) {
      lines.push('  option allbackups');
    }
    const n = rng.int(1, 4);
    for (let j = 0; j < n; j++) {
      const srv = `s${i}_${j}`;
      const port = nextPort();
      const flags = [rng.chance(0.3) ? 'backup' : '', rng.chance(0.06) ? 'disabled' : ''].filter((f) => f !== '');
      lines.push(`  server ${srv} 127.0.0.1:${port} weight ${weight(rng)}${flags.length ? ' ' + flags.join(' ') : ''}`);
      text.push(`listen ${srv}`, `  bind 127.0.0.1:${port}`, `  http-request return status 200 hdr X-Srv ${srv}`, '');
    }
    text.push(...lines, '');
  }
  return { text, names };
}

function target(rng: Rng, names: readonly string[]): string {
  return rng.chance(0.15) ? rng.pick(['be_missing', 'BE_0', 'be_gone']) : rng.pick(names);
}

function regMap(rng: Rng, names: readonly string[]): string {
  const templates = [
    '^app2\\.example\\/v2\\/critical\\/(\\w{1,45})\\/payments\\/', 'app2\\.example\\/v2\\/customers\\/', 'app2\\.example\\/v2\\/',
    '^app2\\.example\\/v1\\/', 'app2\\.example\\/', '(?i)^app1\\.example/v2', '\\.png$', 'app1\\.example/(v1|api)/', '^api\\.', ':8080/',
  ];
  const lines = ['# generated map_reg file'];
  for (const t of templates) {
    if (rng.chance(0.8)) {
      lines.push(`${t}\t${target(rng, names)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function begMap(rng: Rng, names: readonly string[]): string {
  const keys = ['/v1', '/v1/', '/v2', '/v2/critical', '/v2/customers/', '/api', '/st', '/static/', '/'];
  const lines = keys.filter(() => rng.chance(0.7)).map((k) => `${k} ${target(rng, names)}`);
  return rng.pick([lines, [...lines].reverse()]).join('\n') + '\n';
}

function strMap(rng: Rng, names: readonly string[]): string {
  const keys = ['app1.example', 'app2.example', 'api.app2.example', 'app1.example', 'app2.example:8080'];
  return keys.filter(() => rng.chance(0.8)).map((k) => `${k} ${target(rng, names)}`).join('\n') + '\n';
}

function aclFrontend(rng: Rng, names: readonly string[]): string[] {
  const be = (): string => rng.pick(names);
  const lines = [
    '  acl v2 path_beg /v2/',
    '  acl crit path_reg ^/v2/critical/[^/]+/payments/',
    '  acl app1 hdr(host) -i app1.example',
    '  acl img path_end .png .jpg',
    '  acl dbg url_param(debug) -m found',
    `  use_backend ${be()} if crit`,
    `  use_backend ${be()} if v2 app1`,
    `  use_backend ${be()} if img || dbg`,
    `  use_backend ${be()} if { hdr_beg(host) -i api. } !v2`,
    `  use_backend ${be()} if { path -m dir customers } or { base_sub :8080 }`,
  ];
  if (rng.chance(0.7)) {
    lines.push(`  default_backend ${be()}`);
  }
  return lines;
}

/** Builds one rig: `frontendCount` is fixed (5), `casesPerFrontend` URLs each. */
export function generateMigrationRig(rng: Rng, ports: readonly number[], casesPerFrontend: number): GeneratedRig {
  let p = 0;
  const nextPort = (): number => ports[p++] as number;
  const fe = ['fe_reg', 'fe_beg', 'fe_str', 'fe_acl', 'ls_own'].map((name) => ({ name, port: nextPort() }));
  const { text: beText, names } = backends(rng, 14, nextPort);
  const files = { 'reg.map': regMap(rng, names), 'beg.map': begMap(rng, names), 'str.map': strMap(rng, names) };
  const def = (): string => (rng.chance(0.6) ? `,${target(rng, names)}` : '');
  const regDefault = def();
  const begDefault = def();
  const strDefault = def();
  const tenantFirst = rng.chance(0.5);
  const defaults = [rng.chance(0.6) ? `  default_backend ${rng.pick(names)}` : '', rng.chance(0.6) ? `  default_backend ${rng.pick(names)}` : '', rng.chance(0.6) ? `  default_backend ${rng.pick(names)}` : ''];
  const lsServers = [0, 1].map((j) => ({ name: `own_${j}`, port: nextPort(), weight: rng.int(1, 5) }));
  const config = (dir: string): string => [
    'global', '  nbthread 1', '',
    'defaults', '  mode http', '  timeout connect 2s', '  timeout client 10s', '  timeout server 10s', '',
    `frontend fe_reg`, `  bind 127.0.0.1:${fe[0]?.port}`,
    ...(rng.chance(0.5) ? ['  http-request set-header Host app2.example if { path_beg /rw/ }', '  http-request replace-path ^/rw(/.*) \\1'] : ['  http-request set-header Host app1.example if { path_beg /rw/ }']),
    `  use_backend %[base,map_reg(${dir}/reg.map${regDefault})]`, defaults[0] ?? '', '',
    `frontend fe_beg`, `  bind 127.0.0.1:${fe[1]?.port}`, `  use_backend %[path,map_beg(${dir}/beg.map${begDefault})]`, defaults[1] ?? '', '',
    `frontend fe_str`, `  bind 127.0.0.1:${fe[2]?.port}`,
    ...(tenantFirst ? [`  use_backend %[req.hdr(x-tenant),lower,map_str(${dir}/str.map,${rng.pick(names)})]`] : []),
    `  use_backend %[req.hdr(host),lower,map_str(${dir}/str.map${strDefault})]`, defaults[2] ?? '', '',
    `frontend fe_acl`, `  bind 127.0.0.1:${fe[3]?.port}`, ...aclFrontend(rng, names), '',
    `listen ls_own`, `  bind 127.0.0.1:${fe[4]?.port}`, `  use_backend %[path,map_beg(${dir}/beg.map)] if { path_beg /v }`,
    ...lsServers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} weight ${s.weight}`), '',
    ...lsServers.flatMap((s) => [`listen ${s.name}`, `  bind 127.0.0.1:${s.port}`, `  http-request return status 200 hdr X-Srv ${s.name}`, '']),
    ...beText, '',
  ].join('\n');
  const cases: GeneratedCase[] = [];
  for (const f of fe) {
    for (let i = 0; i < casesPerFrontend; i++) {
      const host = rng.pick(HOSTS);
      const tgt = rng.pick(PATHS) + rng.pick(QUERIES);
      const headers: Record<string, string> = { Host: host };
      if (rng.chance(0.3)) {
        headers['X-Tenant'] = rng.pick(HOSTS);
      }
      cases.push({ frontend: f.name, port: f.port, url: `http://${host}${tgt}`, host, target: tgt, headers });
    }
  }
  return { config, files, frontends: fe, cases, ports: [...fe.map((f) => f.port), ...lsServers.map((s) => s.port)] };
}

/** Upper bound of ports a rig needs (frontends, own servers, up to 4 servers × 14 backends). */
export const RIG_PORTS = 5 + 2 + 14 * 4;
