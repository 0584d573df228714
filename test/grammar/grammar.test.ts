import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'node_modules', '.bin', 'vscode-tmgrammar-test');

interface GrammarContribution {
  language: string;
  scopeName: string;
  path: string;
}

interface LanguageContribution {
  id: string;
  configuration?: string;
}

interface Manifest {
  contributes: { grammars: GrammarContribution[]; languages: LanguageContribution[] };
}

function readJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(ROOT, relativePath), 'utf8')) as T;
}

const manifest = readJson<Manifest>('package.json');

describe('TextMate grammars', () => {
  it.each([
    ['haproxy', 'source.haproxy', './syntaxes/haproxy.tmLanguage.json'],
    ['haproxy-map', 'source.haproxy-map', './syntaxes/haproxy-map.tmLanguage.json'],
  ])('contributes the %s grammar with a scopeName matching its file', (language, scopeName, path) => {
    const contribution = manifest.contributes.grammars.find((g) => g.language === language);
    expect(contribution).toEqual({ language, scopeName, path });
    const grammar = readJson<{ scopeName: string; patterns: unknown[] }>(path);
    expect(grammar.scopeName).toBe(scopeName);
    expect(grammar.patterns.length).toBeGreaterThan(0);
  });

  it('resolves every #include to a repository entry', () => {
    for (const { path } of manifest.contributes.grammars) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const grammar = JSON.parse(text) as { repository: Record<string, unknown> };
      const includes = [...text.matchAll(/"include": "#([^"]+)"/g)].map((m) => m[1]);
      for (const name of includes) {
        expect(grammar.repository, `${path} includes #${name}`).toHaveProperty([name as string]);
      }
    }
  });

  it('uses a language configuration with # line comments and bracket pairs', () => {
    for (const language of manifest.contributes.languages) {
      expect(language.configuration).toBe('./language-configuration.json');
    }
    const config = readJson<{
      comments: { lineComment: string };
      brackets: string[][];
      wordPattern: string;
    }>('language-configuration.json');
    expect(config.comments.lineComment).toBe('#');
    expect(config.brackets).toEqual([
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ]);
    const words = 'server aws-prod-Kubernetes-application-01 host:443 # application-02-on-prem'.match(
      new RegExp(config.wordPattern, 'g'),
    );
    expect(words).toEqual(['server', 'aws-prod-Kubernetes-application-01', 'host', '443', 'application-02-on-prem']);
  });

  it('passes the syntax test files under test/grammar', () => {
    expect(existsSync(CLI), `${CLI} is installed`).toBe(true);
    const result = spawnSync(
      CLI,
      [
        '--compact',
        '-g',
        'syntaxes/haproxy.tmLanguage.json',
        '-g',
        'syntaxes/haproxy-map.tmLanguage.json',
        // not `*.test.*`: that would also pick up this .ts file
        'test/grammar/*.test.cfg',
        'test/grammar/*.test.map',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(result.error, output).toBeUndefined();
    expect(output).toContain('haproxy.test.cfg');
    expect(output).toContain('haproxy-map.test.map');
    expect(result.status, output).toBe(0);
  });
});
