import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: { languages: { id: string; filenamePatterns?: string[]; extensions?: string[]; firstLine?: string }[]; grammars: { language: string; path: string }[] };
};

describe('extension manifest', () => {
  it('names the extension, its VS Code engine, entry bundle and CLI', () => {
    expect(manifest.name).toBe('haproxy-migration');
    expect(manifest.engines['vscode']).toBe('^1.100.0');
    expect(manifest.main).toBe('./client/out/extension.js');
    expect(manifest.bin).toEqual({ 'haproxy-migrate': 'server/out/cli.js' });
  });

  it('claims haproxy configs by name, folder or first line, never every .cfg file', () => {
    const haproxy = manifest.contributes.languages.find((l) => l.id === 'haproxy');
    expect(haproxy?.filenamePatterns).toEqual(['haproxy*.cfg', '**/haproxy/**/*.cfg']);
    expect(haproxy?.extensions ?? []).not.toContain('.cfg');
    const firstLine = new RegExp(haproxy?.firstLine ?? '^$');
    expect(['global', 'defaults', 'frontend www', 'backend application-01', 'listen stats'].filter((l) => !firstLine.test(l))).toEqual([]);
    expect(['[section]', 'key = value', 'globalization on', '# comment'].filter((l) => firstLine.test(l))).toEqual([]);
  });

  it('claims .map files as haproxy-map and gives both languages a grammar that exists', () => {
    expect(manifest.contributes.languages.find((l) => l.id === 'haproxy-map')?.extensions).toEqual(['.map']);
    for (const g of manifest.contributes.grammars) {
      expect(() => JSON.parse(readFileSync(path.join(ROOT, g.path), 'utf8')), g.path).not.toThrow();
    }
    expect(manifest.contributes.grammars.map((g) => g.language).sort()).toEqual(['haproxy', 'haproxy-map']);
  });

  it('pins Chevrotain to 11.x (Node 20) and keeps client and server LSP libraries on one major', () => {
    const major = (v: string | undefined) => /(\d+)/.exec(v ?? '')?.[1];
    expect(major(manifest.devDependencies['chevrotain'])).toBe('11');
    expect(major(manifest.devDependencies['vscode-languageclient'])).toBe(major(manifest.devDependencies['vscode-languageserver']));
  });
});
