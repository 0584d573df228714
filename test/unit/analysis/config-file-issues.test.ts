import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeConfigFile, analyzeLoaded, analyzeMapFiles, DEFAULT_ENGINE_OPTIONS, loadConfig, sameMapInputs, type LoadedConfig } from '../../../server/src/engine';
import type { Issue } from '../../../server/src/analysis/issue';
import { buildMapModel, LineTemplateCache, type MapFile } from '../../../server/src/engine';
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
/** The map files' share, in a fixed order (the two analyses run the checks in different orders). */
const mapShare = (loaded: LoadedConfig) => sorted(analyzeLoaded(loaded).filter((i) => i.file !== loaded.config.file.path));
const sorted = (issues: readonly Issue[]) => [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.span.start - b.span.start || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));

describe('analyzeConfigFile and analyzeMapFiles', () => {
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
    expect(full.some((i) => i.file === mapPath && i.code === 'backend/undefined')).toBe(true);
    expect(sorted(analyzeMapFiles(loaded))).toEqual(mapShare(loaded));
  });

  it("reads no map line for the config's issues, and parses each map once when the map files' issues are asked for", () => {
    const cfgPath = path.join(EXAMPLE, 'haproxy.cfg');
    const parses: string[] = [];
    const loaded = loadConfig(readFileSync(cfgPath, 'utf8').replace('domain2backend.map,bk_default)', 'domain2backend.map,bk_missing)'), cfgPath, { read: readOrUndefined }, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: [{ from: '/etc/haproxy', to: EXAMPLE }] }, {
      parsedMap: (p, t) => (parses.push(p), buildMapModel(t, p)),
    });
    const own = analyzeConfigFile(loaded);
    expect(own.some((i) => i.code === 'backend/undefined')).toBe(true);
    expect(parses).toEqual([]);
    expect(sorted(analyzeMapFiles(loaded))).toEqual(mapShare(loaded));
    expect(parses).toEqual([path.join(EXAMPLE, 'domain2backend.map')]);
  });

  it('says a load has the same map inputs as another only while maps, map references and backend names are the same', () => {
    const cfgPath = path.join(EXAMPLE, 'haproxy.cfg');
    const cfg = readFileSync(cfgPath, 'utf8');
    const lines = new LineTemplateCache();
    const at = (text: string) => loadConfig(text, cfgPath, { read: readOrUndefined }, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: [{ from: '/etc/haproxy', to: EXAMPLE }] }, { lines, parsedMap: (p, t) => (parsed[p] ??= buildMapModel(t, p)) });
    const parsed: Record<string, MapFile> = {};
    const first = at(cfg);
    const server = cfg.indexOf('weight', cfg.indexOf('server '));
    // A weight changed inside a backend: nothing the map-reporting checks read.
    expect(sameMapInputs(first, at(cfg.slice(0, server) + 'weight 7 ' + cfg.slice(server)))).toBe(true);
    // A backend renamed (map values may name it), a map reference's default changed, a map parsed again.
    expect(sameMapInputs(first, at(cfg.replace(/backend (\S+)/, 'backend $1-renamed')))).toBe(false);
    expect(sameMapInputs(first, at(cfg.replace('domain2backend.map,bk_default)', 'domain2backend.map,bk_other)')))).toBe(false);
    delete parsed[Object.keys(parsed)[0] as string];
    expect(sameMapInputs(first, at(cfg))).toBe(false);
  });

  it.skipIf(!corpusAvailable())(`gives the same issues as the config's share of the full analysis on every corpus config (${CORPUS_DIR})`, () => {
    for (const e of corpusEntries().filter((x) => x.kind === 'config')) {
      const loaded = load(readFileSync(e.path, 'utf8'), e.path);
      expect(analyzeConfigFile(loaded), e.name).toEqual(configShare(loaded));
      expect(sorted(analyzeMapFiles(loaded)), e.name).toEqual(mapShare(loaded));
    }
  });
});

describe('sameMapInputs and frontend names', () => {
  it('does not reuse map-file issues whose message names a frontend that was renamed', () => {
    const MAP = '/etc/haproxy/hosts.map';
    const maps: Record<string, string> = { [MAP]: 'a.example other\n' };
    const parsed: Record<string, MapFile> = {};
    const lines = new LineTemplateCache();
    const at = (text: string, cache?: LineTemplateCache) => loadConfig(text, '/etc/haproxy/haproxy.cfg', { read: (p) => maps[p] }, DEFAULT_ENGINE_OPTIONS, { lines: cache, parsedMap: (p, t) => (parsed[p] ??= buildMapModel(t, p)) });
    const before = 'frontend fe\n  bind :80\n  use_backend %[req.hdr(host),map(/etc/haproxy/hosts.map,be)]\nfrontend other\n  bind :81\nbackend be\n  server s 1.1.1.1:80\n';
    const after = before.replace('frontend other', 'frontend othr');
    const first = at(before, lines);
    const firstMapIssues = analyzeMapFiles(first);
    expect(firstMapIssues.map((i) => i.message).join()).toContain('it is a frontend');
    const second = at(after, lines);
    // What the document cache shows for the map after the edit.
    const shown = sameMapInputs(first, second) ? firstMapIssues : analyzeMapFiles(second);
    expect(shown.map((i) => i.message)).toEqual(analyzeLoaded(at(after)).filter((i) => i.file === MAP).map((i) => i.message));
  });
});
