import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const ENGINE = ['parser', 'model', 'analysis', 'simulate', 'ramp', 'matching', 'balance'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

describe('layer rules (style guide B3)', () => {
  it('keeps the engine free of VS Code, LSP libraries and adapter code', () => {
    const offenders = ENGINE.flatMap((layer) =>
      tsFiles(path.join(ROOT, 'server/src', layer)).flatMap((f) =>
        imports(f)
          .filter((i) => /^vscode/.test(i) || /(^|\/)(features|apply|cli)(\/|$)/.test(i) || /\/(server|main|document-cache|settings)$/.test(i))
          .map((i) => `${path.relative(ROOT, f)} imports ${i}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  // The parser returns syntax problems as Issues, so it may name that one leaf type module.
  it('never lets the parser depend on the model or later layers', () => {
    const offenders = tsFiles(path.join(ROOT, 'server/src/parser')).flatMap((f) =>
      imports(f)
        .filter((i) => (/^\.\.\/(analysis|simulate|ramp|matching)\//.test(i) && i !== '../analysis/issue') || (/^\.\.\/model\//.test(i) && !/\/(span|types)$/.test(i)))
        .map((i) => `${path.relative(ROOT, f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lets analysis, simulation and ramp read the model only, never run the parser', () => {
    const offenders = ['analysis', 'simulate', 'ramp'].flatMap((layer) =>
      tsFiles(path.join(ROOT, 'server/src', layer)).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]*\/parser\/[^'"]*)['"]/gm)].map((m) => `${path.relative(ROOT, f)} imports ${m[1]}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps analysis, simulation and ramp out of each other (they share matching and balance)', () => {
    const layers = ['analysis', 'simulate', 'ramp'];
    const offenders = layers.flatMap((layer) =>
      tsFiles(path.join(ROOT, 'server/src', layer)).flatMap((f) =>
        imports(f)
          .filter((i) => layers.some((other) => other !== layer && new RegExp(`(^|/)${other}(/|$)`).test(i)))
          .map((i) => `${path.relative(ROOT, f)} imports ${i}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('lets matching and balance depend on model types only', () => {
    const offenders = ['matching', 'balance'].flatMap((layer) =>
      tsFiles(path.join(ROOT, 'server/src', layer)).flatMap((f) =>
        imports(f)
          .filter((i) => i.startsWith('..') && !/^\.\.\/model\//.test(i))
          .map((i) => `${path.relative(ROOT, f)} imports ${i}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('lets the language server and the CLI reach the engine only through engine.ts (types excepted)', () => {
    const adapters = [...tsFiles(path.join(ROOT, 'server/src/features')), ...tsFiles(path.join(ROOT, 'server/src/cli'))];
    const offenders = adapters.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"](\.\.\/(?:parser|model|analysis|simulate|ramp|matching|balance)\/[^'"]*)['"]/gm)].map((m) => `${path.relative(ROOT, f)} imports ${m[1]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the CLI free of LSP libraries', () => {
    const files = [path.join(ROOT, 'server/src/cli.ts'), ...tsFiles(path.join(ROOT, 'server/src/cli'))];
    expect(files.flatMap((f) => imports(f).filter((i) => /^vscode/.test(i)).map((i) => `${f}: ${i}`))).toEqual([]);
  });

  it('lets the client import only the shared protocol files from the server side', () => {
    const offenders = tsFiles(path.join(ROOT, 'client/src')).flatMap((f) =>
      imports(f)
        .filter((i) => i.includes('server/src') && !/server\/src\/([a-z]+-)?protocol$/.test(i))
        .map((i) => `${path.relative(ROOT, f)} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
