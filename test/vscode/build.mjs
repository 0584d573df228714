// Bundles the extension-host suite and its runner into test/out/vscode/.
// Packages stay external and load from node_modules; the extension host
// provides `vscode`. The runner is ESM because the harness's paths.ts finds
// the checkout from import.meta.url (test/out/vscode is as deep as
// test/e2e/harness, so the same relative path leads to the root).
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', packages: 'external' };
await Promise.all([
  esbuild.build({ ...common, format: 'esm', entryPoints: ['test/vscode/run-tests.ts'], outfile: 'test/out/vscode/run-tests.mjs' }),
  esbuild.build({ ...common, format: 'cjs', entryPoints: ['test/vscode/suite/index.ts'], outfile: 'test/out/vscode/suite/index.js', external: ['vscode'] }),
]);
