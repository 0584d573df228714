import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeConfigFile, analyzeLoaded, DEFAULT_ENGINE_OPTIONS, loadConfig, type LoadedConfig } from '../../../server/src/engine';
import { corpusAvailable, corpusEntries, CORPUS_DIR } from '../../helpers/corpus';

const EXAMPLE = path.resolve(__dirname, '../../../examples/migration');
if (!corpusAvailable()) {
  console.warn(`\n!!! SKIPPING the corpus case of analyzeConfigFile: ${CORPUS_DIR} is absent !!!\n`);
}
const readOrUndefined = (p: string): string | undefined => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

function load(text: string, file: string, maps: Record<string, string> = {}): LoadedConfig {
  const source = { read: (p: string) => maps[p] ?? readOrUndefined(p) };
  return loadConfig(text, file, source, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: [{ from: '/etc/haproxy', to: EXAMPLE }] });
}

/** The config's share of the full analysis, which analyzeConfigFile must give without the map-only checks. */
const configShare = (loaded: LoadedConfig) => analyzeLoaded(loaded).filter((i) => i.file === loaded.config.file.path);

describe('analyzeConfigFile', () => {
  it('gives the config its issues of the full analysis, on the example with planted mistakes in both files', () => {
    const cfgPath = path.join(EXAMPLE, 'haproxy.cfg');
    const mapPath = path.join(EXAMPLE, 'domain2backend.map');
    const map = readFileSync(mapPath, 'utf8');
    const lines = map.split('\n');
    const catchAll = lines.findIndex((l) => l.startsWith('application-02\\.6play\\.fr\\/ '));
    const planted = [lines[0], lines[catchAll], ...lines.slice(1).filter((_, i) => i + 1 !== catchAll), 'x.example/ nowhere', ''].join('\n');
    const cfg = readFileSync(cfgPath, 'utf8').replace('domain2backend.map,bk_default)', 'domain2backend.map,bk_missing)');
    const loaded = load(cfg, cfgPath, { [mapPath]: planted });
    const full = analyzeLoaded(loaded);
    // Both files have problems: the map's unreachable lines must stay out of the config's share.
    expect(full.some((i) => i.file === mapPath && i.code === 'map/unreachable-line')).toBe(true);
    expect(full.some((i) => i.file === cfgPath && i.code === 'backend/undefined')).toBe(true);
    expect(analyzeConfigFile(loaded)).toEqual(configShare(loaded));
  });

  it.skipIf(!corpusAvailable())(`gives the same issues as the config's share of the full analysis on every corpus config (${CORPUS_DIR})`, () => {
    for (const e of corpusEntries().filter((x) => x.kind === 'config')) {
      const loaded = load(readFileSync(e.path, 'utf8'), e.path);
      expect(analyzeConfigFile(loaded), e.name).toEqual(configShare(loaded));
    }
  });
});
