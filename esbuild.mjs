// Bundles the three entry points: VS Code client, language server, CLI.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
};

// `--only=cli` (or client, server) builds one bundle, e.g. for the CLI tests.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const entries = [
  { name: 'client', entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { name: 'server', entryPoints: ['server/src/main.ts'], outfile: 'server/out/main.js' },
  { name: 'cli', entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
]
  .filter((e) => !only || e.name === only)
  .map(({ name: _name, ...options }) => options);

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
