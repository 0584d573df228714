import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeConfigFile, analyzeMapFiles, buildMapModel, DEFAULT_ENGINE_OPTIONS, loadConfig } from '../../server/src/engine';
import type { AnalyzedDocument } from '../../server/src/document-cache';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const EXAMPLE = path.resolve(__dirname, '../../examples/migration');
const CFG = path.join(EXAMPLE, 'haproxy.cfg');
const MAP = path.join(EXAMPLE, 'domain2backend.map');

describe('config diagnostics and the maps a config uses', () => {
  it("shows the config's diagnostics without parsing its map, which is parsed once when a diagnostic points into it", () => {
    const parses: string[] = [];
    const text = readFileSync(CFG, 'utf8').replace('domain2backend.map,bk_default)', 'domain2backend.map,bk_missing)');
    const loaded = loadConfig(text, CFG, { read: (p) => (p === MAP ? readFileSync(MAP, 'utf8') : undefined) }, { ...DEFAULT_ENGINE_OPTIONS, mapRoots: [{ from: '/etc/haproxy', to: EXAMPLE }] }, {
      parsedMap: (p, t) => (parses.push(p), buildMapModel(t, p)),
    });
    const configIssues = analyzeConfigFile(loaded);
    const doc: AnalyzedDocument = {
      uri: `file://${CFG}`,
      path: CFG,
      version: 1,
      loaded,
      configIssues,
      get issues() {
        return [...configIssues, ...analyzeMapFiles(loaded)];
      },
      dependencies: [MAP],
    };
    const shown = provideDiagnostics({ kind: 'config', uri: doc.uri, doc, settings: DEFAULT_SETTINGS });
    expect(shown.map((d) => d.code)).toContain('backend/undefined');
    expect(parses).toEqual([]);
    // The same issue with a related location in the map file reads the map, once.
    const pointing = { ...doc, configIssues: configIssues.map((i) => (i.code === 'backend/undefined' ? { ...i, related: [{ message: 'the map', file: MAP, span: { start: 0, end: 1 } }] } : i)) };
    const withRelated = provideDiagnostics({ kind: 'config', uri: doc.uri, doc: pointing, settings: DEFAULT_SETTINGS });
    expect(withRelated.find((d) => d.code === 'backend/undefined')?.relatedInformation?.[0]?.location.uri).toBe(`file://${MAP}`);
    expect(parses).toEqual([MAP]);
  });
});
