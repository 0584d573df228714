import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { LineTemplateCache } from '../../../server/src/model/line-templates';
import { textOf } from '../../helpers/analyze';

const build = (text: string) => buildConfigModel(text, '/etc/haproxy/haproxy.cfg');
const proxy = (text: string, name: string) => build(text).proxies.find((p) => p.name === name);

describe('model: sections and defaults', () => {
  it('inherits mode, balance, timeouts and default-server from the last defaults section', () => {
    const p = proxy('defaults\n  mode http\n  balance static-rr\n  timeout server 30s\n  default-server weight 7\nbackend b\n  server s1 1.1.1.1:80\n', 'b');
    expect(p?.settings.mode).toBe('http');
    expect(p?.settings.balance.algorithm).toBe('static-rr');
    expect(p?.settings.timeouts['server']).toBe(30000);
    expect(p?.servers[0]?.settings.weight).toBe(7);
  });

  it('uses the named defaults given by from instead of the last one', () => {
    const text = 'defaults web\n  mode http\ndefaults tcpish\n  mode tcp\nbackend b from web\n  server s 1.1.1.1:80\n';
    expect(proxy(text, 'b')?.settings.mode).toBe('http');
    expect(build(text).defaults.map((d) => d.name)).toEqual(['web', 'tcpish']);
  });

  it('starts a new defaults section from the built-in settings, not from the previous defaults', () => {
    expect(proxy('defaults\n  balance source\ndefaults\n  mode http\nbackend b\n', 'b')?.settings.balance.algorithm).toBe('roundrobin');
  });

  it('defaults to roundrobin in 2.6 and to random from 3.3', () => {
    expect(buildConfigModel('backend b\n', '/h.cfg').proxies[0]?.settings.balance.algorithm).toBe('roundrobin');
    expect(buildConfigModel('backend b\n', '/h.cfg', { haproxyVersion: '3.3' }).proxies[0]?.settings.balance.algorithm).toBe('random');
  });

  it('applies default-server lines only to servers declared after them', () => {
    const p = proxy('defaults\n  default-server weight 7\nbackend b\n  server s1 1.1.1.1:80\n  default-server weight 5\n  server s2 1.1.1.1:80\n  server s3 1.1.1.1:80 weight 9\n', 'b');
    expect(p?.servers.map((s) => s.settings.weight)).toEqual([7, 5, 9]);
  });

  it('reads option allbackups, no option allbackups and hash-type', () => {
    const p = proxy('defaults\n  option allbackups\nbackend b\n  hash-type consistent djb2 avalanche\nbackend c\n  no option allbackups\n', 'b');
    expect(p?.settings.allBackups).toBe(true);
    expect(p?.settings.hashType).toEqual({ method: 'consistent', fn: 'djb2', avalanche: true });
    expect(proxy('defaults\n  option allbackups\nbackend c\n  no option allbackups\n', 'c')?.settings.allBackups).toBe(false);
  });

  it('indexes backends and listens by case-sensitive name, not frontends', () => {
    const m = build('frontend fe\nbackend be\nlisten li\n');
    expect([...m.backendsByName.keys()]).toEqual(['be', 'li']);
    expect(m.frontends.map((p) => p.name)).toEqual(['fe', 'li']);
  });

  it('models stats sockets of the global section', () => {
    expect(build('global\n  stats socket /run/haproxy/admin.sock mode 660 level admin\n').global?.statsSockets[0]).toMatchObject({ path: '/run/haproxy/admin.sock', level: 'admin' });
  });
});

describe('model: servers', () => {
  const seed =
    'backend application-01\n    server aws-prod aQuite.elb.amazonaws.com:443 check ssl verify required sni req.hdr(host) check-sni app.6play.fr ca-file ca.crt inter 1s fall 1 rise 2 resolvers m6dns observe layer7 weight 25\n    server onprem front.6play.fr:80 check resolvers m6dns weight 75 backup\n';

  it('reads every routing and health setting of the seed server line', () => {
    const [aws, onprem] = proxy(seed, 'application-01')?.servers ?? [];
    expect(aws?.settings).toMatchObject({ weight: 25, check: true, ssl: true, verify: 'required', sni: 'req.hdr(host)', checkSni: 'app.6play.fr', inter: 1000, fall: 1, rise: 2, resolvers: 'm6dns', observe: 'layer7', backup: false });
    expect(onprem?.settings).toMatchObject({ weight: 75, backup: true, rise: 2, fall: 3, inter: undefined });
  });

  it('keeps the weight and backup tokens of the server line for minimal edits', () => {
    const [aws, onprem] = proxy(seed, 'application-01')?.servers ?? [];
    expect(textOf(seed, aws?.settings.weightWord?.span)).toBe('25');
    expect(textOf(seed, onprem?.settings.backupWord?.span)).toBe('backup');
  });

  it('parses weights the way HAProxy does (atol)', () => {
    const p = proxy('backend b\n  server a 1.1.1.1:80 weight abc\n  server b 1.1.1.1:80 weight 10x\n  server c 1.1.1.1:80\n', 'b');
    expect(p?.servers.map((s) => s.settings.weight)).toEqual([0, 10, 1]);
  });

  it('lets disabled, no-backup and enabled override inherited settings', () => {
    const p = proxy('backend b\n  default-server backup disabled\n  server a 1.1.1.1:80 no-backup enabled\n', 'b');
    expect(p?.servers[0]?.settings).toMatchObject({ backup: false, disabled: false });
  });

  it('creates one server per server-template slot', () => {
    const p = proxy('backend b\n  server-template web 1-3 app.local:80 check weight 4\n', 'b');
    expect(p?.servers.map((s) => [s.name, s.settings.weight])).toEqual([
      ['web1', 4],
      ['web2', 4],
      ['web3', 4],
    ]);
  });
});

describe('model: routing rules', () => {
  it('reads static and dynamic use_backend targets with their conditions', () => {
    const p = proxy('frontend fe\n  acl api path_beg /api\n  use_backend be_api if api !{ src 10.0.0.0/8 } || { hdr(host) -i x.com }\n  use_backend %[base,map_reg(/etc/haproxy/d.map,bk_default)]\n  default_backend be_web\n', 'fe');
    const [first, second] = p?.useBackends ?? [];
    expect(first?.target).toMatchObject({ kind: 'static', name: 'be_api' });
    expect(first?.condition?.polarity).toBe('if');
    expect(first?.condition?.alternatives.map((a) => a.map((t) => [t.kind, t.negated]))).toEqual([
      [
        ['named', false],
        ['anonymous', true],
      ],
      [['anonymous', false]],
    ]);
    expect(second?.target.kind).toBe('dynamic');
    expect(p?.settings.defaultBackend?.name).toBe('be_web');
  });

  it('parses ACL flags, files and patterns', () => {
    const a = proxy('frontend fe\n  acl hosts hdr(host),lower -i -m end -f /etc/haproxy/hosts.lst .example.com\n', 'fe')?.acls[0];
    expect(a?.name).toBe('hosts');
    expect(a?.criterion.flags).toMatchObject({ ignoreCase: true, matchMethod: 'end' });
    expect(a?.criterion.flags.files.map((f) => f.value)).toEqual(['/etc/haproxy/hosts.lst']);
    expect(a?.criterion.patterns.map((w) => w.value)).toEqual(['.example.com']);
    expect(a?.criterion.expression?.fetch.name).toBe('hdr');
    expect(a?.criterion.expression?.converters.map((c) => c.name)).toEqual(['lower']);
  });

  it('reads the http-request rewrites that change routing', () => {
    const p = proxy('frontend fe\n  http-request set-header Host new.example.com if { path_beg /x }\n  http-request replace-path ^/old(.*) /new\\1\n  http-request set-var(txn.host) req.hdr(host),lower\n', 'fe');
    expect(p?.httpRequestRules.map((r) => r.action)).toEqual(['set-header', 'replace-path', 'set-var']);
  });

  it('collects every map reference with converter, path, default and whether it selects a backend', () => {
    const text = 'frontend fe\n  use_backend %[base,map_reg(/etc/haproxy/domain2backend.map,bk_default)]\n  acl x req.hdr(host),map_dom(/etc/haproxy/hosts.map) -m found\n  http-request set-header X-B %[path,map_beg(/etc/haproxy/p.map)]\n';
    const refs = build(text).mapReferences;
    expect(refs.map((r) => [r.converter, r.match, r.path, r.defaultValue, r.selectsBackend])).toEqual([
      ['map_reg', 'reg', '/etc/haproxy/domain2backend.map', 'bk_default', true],
      ['map_dom', 'dom', '/etc/haproxy/hosts.map', undefined, false],
      ['map_beg', 'beg', '/etc/haproxy/p.map', undefined, false],
    ]);
    const r = refs[0];
    expect(textOf(text, r?.pathSpan)).toBe('/etc/haproxy/domain2backend.map');
    expect(textOf(text, r?.defaultSpan)).toBe('bk_default');
  });
});

describe('model: keyword catalogue diagnostics', () => {
  const codes = (text: string) => build(text).issues.map((i) => [i.code, i.message]);

  it('warns about an unknown keyword with the closest known one', () => {
    expect(codes('backend b\n  balanse roundrobin\n')).toEqual([['directive/unknown', "Unknown keyword 'balanse' in backend section; did you mean 'balance'?"]]);
  });

  it('knows keywords of both 2.6 and 3.x and unknown options', () => {
    expect(codes('global\n  daemon\n  maxconn 10\nfrontend f\n  bind :80\n  option httplog\n  option nosuchthing\n').map((c) => c[0])).toEqual(['directive/unknown']);
  });

  it('reports a keyword used in a section that does not allow it', () => {
    expect(build('backend b\n  bind :80\n').issues.map((i) => [i.code, i.severity])).toEqual([['directive/wrong-section', 'warning']]);
  });

  it('names the replacement of keywords HAProxy removed', () => {
    expect(codes('listen l\n  srvtimeout 30s\n')).toEqual([['directive/unknown', "'srvtimeout' was removed from HAProxy (2.1+): use 'timeout server'"]]);
  });

  it('reports directives before the first section', () => {
    expect(codes('  maxconn 10\nglobal\n').map((c) => c[0])).toEqual(['directive/out-of-section']);
  });

  it('never flags keywords of sections it does not catalogue', () => {
    expect(codes('resolvers dns\n  nameserver ns1 1.1.1.1:53\n  whatever 1\n')).toEqual([]);
  });
});

describe('server-template limits', () => {
  it('models at most 4,096 servers per template line and 16,384 template servers per proxy', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `    server-template t${i}_ 1-5000 app.example.com:80 check`).join('\n');
    const model = buildConfigModel(`backend b\n    server s0 10.0.0.1:80\n${lines}\n`, '/t.cfg');
    const servers = model.proxies[0]?.servers ?? [];
    expect(servers.filter((s) => s.template?.prefix === 't0_')).toHaveLength(4096);
    expect(servers).toHaveLength(16384);
    expect(servers[servers.length - 1]?.name).toBe('t3_4095');
  });
});

describe('model: keyword issues of repeated lines', () => {
  it('checks a line again in another kind of section, though the same text was clean before', () => {
    const text = 'backend a\n    balance roundrobin\nbackend b\n    balance roundrobin\nfrontend f\n    balance roundrobin\n    bind :80\nglobal\n    balance roundrobin\n';
    const model = buildConfigModel(text, '/h.cfg');
    const balances = model.directives.filter((d) => d.keyword === 'balance');
    const flagged = model.issues.filter((i) => i.code.startsWith('directive/')).map((i) => balances.findIndex((d) => d.keywordSpan.start === i.span.start));
    // The frontend and global lines are flagged, each at its own place; the two backend lines are not.
    expect(flagged).toEqual([2, 3]);
  });

  it('checks a repeated line again for another HAProxy version', () => {
    const text = 'backend a\n    guid a\nbackend b\n    guid a\n';
    // One line cache: the lines, and what was learnt about their text, are kept from build to build.
    const lineCache = new LineTemplateCache();
    const versions = ['3.3', '2.6', '3.3'].map((v) => buildConfigModel(text, '/h.cfg', { haproxyVersion: v, lineCache }).issues.filter((i) => i.code === 'directive/not-in-version').length);
    expect(versions).toEqual([0, 2, 0]);
  });
});
