// npm run bench: builds the bench entries, generates the workload, then times
// our `check` against `haproxy -c` on the same files in the same run, and runs
// every engine benchmark found in bench/src/*-bench.ts. Prints the machine's numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'bench/out');
const entries = ['generate.ts', ...readdirSync(path.join(root, 'bench/src')).filter((f) => f.endsWith('-bench.ts'))];
await esbuild.build({
  entryPoints: entries.map((e) => path.join(root, 'bench/src', e)),
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const data = path.join(out, 'data');
console.log(spawnSync(process.execPath, [path.join(out, 'generate.cjs'), data, '2000', '2000'], { encoding: 'utf8' }).stdout.trim());
const cfg = path.join(data, 'haproxy.cfg');

function timed(cmd, args, runs) {
  const times = [];
  let rss = 0;
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const m = /BENCH_MAXRSS_KB=(\d+)/.exec(last.stderr ?? '') ?? /^(\d+)$/m.exec((last.stderr ?? '').trim().split('\n').pop() ?? '');
    rss = Math.max(rss, m ? Number(m[1]) : 0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], rss, status: last?.status };
}

const runs = 5;
const ours = timed(process.execPath, ['--require', path.join(root, 'bench/report-rss.cjs'), path.join(root, 'server/out/cli.js'), 'check', cfg, '--format', 'json'], runs);
console.log(`\nhaproxy-migrate check (${runs} runs): median ${ours.median.toFixed(0)} ms, min ${ours.min.toFixed(0)} ms, peak memory ${(ours.rss / 1024).toFixed(0)} MiB, exit ${ours.status}`);
const haproxy = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p));
if (haproxy) {
  const useTime = existsSync('/usr/bin/time');
  const theirs = useTime ? timed('/usr/bin/time', ['-f', '%M', haproxy, '-c', '-q', '-f', cfg], runs) : timed(haproxy, ['-c', '-q', '-f', cfg], runs);
  console.log(`haproxy -c (${runs} runs):             median ${theirs.median.toFixed(0)} ms, min ${theirs.min.toFixed(0)} ms, peak memory ${useTime ? (theirs.rss / 1024).toFixed(0) + ' MiB' : 'n/a'}, exit ${theirs.status}`);
  console.log(`ratio check / haproxy -c: ${(ours.median / theirs.median).toFixed(2)}x`);
} else {
  console.log('haproxy not installed: no haproxy -c comparison (scripts/setup-system.sh installs it)');
}

// A map that names backends the config no longer has: every missing name gets a "did you mean" suggestion.
const stale = path.join(out, 'data-stale-map');
console.log(`\n${spawnSync(process.execPath, [path.join(out, 'generate.cjs'), stale, '2000', '2000', '500'], { encoding: 'utf8' }).stdout.trim()}`);
const staleCheck = timed(process.execPath, ['--require', path.join(root, 'bench/report-rss.cjs'), path.join(root, 'server/out/cli.js'), 'check', path.join(stale, 'haproxy.cfg'), '--format', 'json'], runs);
console.log(`haproxy-migrate check, 500 of the map's 2,000 backends defined (${runs} runs): median ${staleCheck.median.toFixed(0)} ms, min ${staleCheck.min.toFixed(0)} ms, peak memory ${(staleCheck.rss / 1024).toFixed(0)} MiB, exit ${staleCheck.status}`);

// The same config with its backends renamed (application-0001-… → app-0001-…) and the map left as it is: each of the
// map's 2,000 values is missing, and its "did you mean" is sought among 8,001 backends.
const renamed = path.join(out, 'data-renamed-backends');
mkdirSync(renamed, { recursive: true });
writeFileSync(path.join(renamed, 'haproxy.cfg'), readFileSync(cfg, 'utf8').replace(/\bapplication-(?=\d)/g, 'app-'));
const renamedCheck = timed(process.execPath, ['--require', path.join(root, 'bench/report-rss.cjs'), path.join(root, 'server/out/cli.js'), 'check', path.join(renamed, 'haproxy.cfg'), '--format', 'json'], runs);
console.log(`\nhaproxy-migrate check, backends renamed so the map's 2,000 values are all missing (${runs} runs): median ${renamedCheck.median.toFixed(0)} ms, min ${renamedCheck.min.toFixed(0)} ms, peak memory ${(renamedCheck.rss / 1024).toFixed(0)} MiB, exit ${renamedCheck.status}`);
if (haproxy) {
  const theirs = timed(haproxy, ['-c', '-q', '-f', path.join(renamed, 'haproxy.cfg')], runs);
  console.log(`haproxy -c on the same file (${runs} runs): median ${theirs.median.toFixed(0)} ms, exit ${theirs.status}`);
}

for (const e of entries.filter((f) => f.endsWith('-bench.ts'))) {
  const file = path.join(out, e.replace(/\.ts$/, '.cjs'));
  console.log(`\n== ${e.replace(/\.ts$/, '')}`);
  const r = spawnSync(process.execPath, [file, data], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout);
}

// The editor figures again on a config of a more common size (200 backends), for scale.
const small = path.join(out, 'data-small');
console.log(`\n== lsp-bench, 200 backends (for scale: the targets are set on the 2,000-backend config)`);
console.log(spawnSync(process.execPath, [path.join(out, 'generate.cjs'), small, '200', '200'], { encoding: 'utf8' }).stdout.trim());
process.stdout.write(spawnSync(process.execPath, [path.join(out, 'lsp-bench.cjs'), small], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout);
