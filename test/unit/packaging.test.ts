/**
 * The `.vsix` that `npm run package` builds: only the whitelisted files of
 * .vscodeignore (bundles, grammars, language configuration, manifest,
 * README, CHANGELOG, LICENSE, icon), production bundles, at most 1.5 MB.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/harness/paths';
import { packageExtension, vsceList, type PackagedExtension } from '../e2e/harness/vsix';
import { readZipEntries, readZipFile } from '../e2e/harness/zip';

const MAX_VSIX_BYTES = 1.5 * 1024 * 1024;

/** What vsce ls must list: exactly the whitelist of .vscodeignore. */
const SHIPPED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'client/out/extension.js',
  'images/icon.png',
  'language-configuration.json',
  'package.json',
  'server/out/cli.js',
  'server/out/main.js',
  'syntaxes/haproxy-map.tmLanguage.json',
  'syntaxes/haproxy.tmLanguage.json',
];

/** The same files inside the .vsix, where vsce renames README, CHANGELOG and LICENSE. */
const VSIX_ENTRIES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  ...SHIPPED_FILES.map((file) => `extension/${({ 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' } as Record<string, string>)[file] ?? file}`),
].sort();

interface PackagedManifest {
  main: string;
  icon?: string;
  contributes: { grammars: { path: string }[]; languages: { configuration?: string }[] };
}

function relative(manifestPath: string): string {
  return `extension/${path.posix.normalize(manifestPath)}`;
}

let packaged: PackagedExtension;
let vsix: Buffer;

beforeAll(async () => {
  packaged = await packageExtension();
  vsix = readFileSync(packaged.vsixPath);
}, 240_000);

afterAll(() => packaged?.dispose());

describe('npm run package', () => {
  it('packages exactly the whitelisted files', () => {
    expect(readZipEntries(vsix).map((e) => e.name).sort()).toEqual(VSIX_ENTRIES);
  });

  it('writes a .vsix of at most 1.5 MB', () => {
    expect(statSync(packaged.vsixPath).size).toBeLessThanOrEqual(MAX_VSIX_BYTES);
  });

  it('lists the whitelist with vsce ls, in the staging copy and in the checkout', async () => {
    expect(await vsceList(packaged.stageDir)).toEqual(SHIPPED_FILES);
    // The checkout holds source maps, sources and dependencies: none may leak in.
    const inCheckout = await vsceList(REPO_ROOT);
    expect(inCheckout.filter((file) => !SHIPPED_FILES.includes(file))).toEqual([]);
  });

  it('keeps every whitelist line of .vscodeignore matching a shipped file', () => {
    const negations = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).trim());
    const unused = negations.filter((pattern) => {
      const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
      return !SHIPPED_FILES.some((file) => regex.test(file));
    });
    expect(unused).toEqual([]);
  });

  it('ships minified production bundles without source map references', () => {
    for (const bundle of ['client/out/extension.js', 'server/out/main.js', 'server/out/cli.js']) {
      const text = readZipFile(vsix, `extension/${bundle}`).toString('utf8');
      expect(text, bundle).not.toMatch(/sourceMappingURL/);
      // Minified code runs to thousands of characters a line; a development build averages under 50.
      expect(text.length / text.split('\n').length, bundle).toBeGreaterThan(1_000);
    }
  });

  it('ships every file the packaged manifest points at, and a 128×128 PNG icon', () => {
    const manifest = JSON.parse(readZipFile(vsix, 'extension/package.json').toString('utf8')) as PackagedManifest;
    const names = new Set(readZipEntries(vsix).map((e) => e.name));
    const referenced = [
      manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`,
      ...manifest.contributes.grammars.map((g) => g.path),
      ...manifest.contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
    ];
    expect(referenced.map(relative).filter((entry) => !names.has(entry))).toEqual([]);
    expect(manifest.icon).toBe('images/icon.png');
    const icon = readZipFile(vsix, relative(manifest.icon ?? ''));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it('ships a CLI bundle that runs on its own, with no node_modules next to it', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-cli-'));
    try {
      const cli = path.join(folder, 'cli.js');
      writeFileSync(cli, readZipFile(vsix, 'extension/server/out/cli.js'));
      const output = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [cli, 'check', path.join(REPO_ROOT, 'examples/migration/haproxy.cfg'), '--format', 'json'], { cwd: folder }, (error, stdout, stderr) =>
          // Exit 1 only means the example has an error diagnostic; anything else is a crash.
          error && error.code !== 1 ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
        );
      });
      const report = JSON.parse(output) as { files: string[]; diagnostics: unknown[] };
      expect(report.files.some((file) => file.endsWith('domain2backend.map'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
