import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMapModel } from '../../../server/src/model/build-map';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { spanText } from '../../../server/src/model/source-file';
import { corpusAvailable, corpusEntries, CORPUS_DIR } from '../../helpers/corpus';

const available = corpusAvailable();
if (!available) {
  console.warn(`\n!!! SKIPPING corpus tests: ${CORPUS_DIR} is absent (the shared corpus of third-party configs is not on this machine) !!!\n`);
}

describe.skipIf(!available)('third-party corpus', () => {
  const entries = available ? corpusEntries() : [];

  it('has configs and maps to read', () => {
    expect(entries.filter((e) => e.kind === 'config').length).toBeGreaterThan(20);
    expect(entries.filter((e) => e.kind === 'map').length).toBeGreaterThan(5);
  });

  it('gives no syntax diagnostic for any config HAProxy accepts', () => {
    const offenders = entries
      .filter((e) => e.kind === 'config' && e.acceptedByHaproxy)
      .flatMap((e) => buildConfigModel(readFileSync(e.path, 'utf8'), e.path).issues.filter((i) => i.code.startsWith('syntax/')).map((i) => `${e.name}: ${i.code} ${i.message}`));
    expect(offenders).toEqual([]);
  });

  it('gives no unknown-keyword warning for any config HAProxy 2.6 accepts', () => {
    const offenders = entries
      .filter((e) => e.kind === 'config' && e.acceptedByHaproxy)
      .flatMap((e) => buildConfigModel(readFileSync(e.path, 'utf8'), e.path).issues.filter((i) => i.code.startsWith('directive/')).map((i) => `${e.name}: ${i.code} ${i.message}`));
    expect(offenders).toEqual([]);
  });

  it('reports a keyword as too new for HAProxy 2.6 only in configs HAProxy 2.6 refuses, most of them for that keyword', () => {
    const reports = entries
      .filter((e) => e.kind === 'config')
      .flatMap((e) => {
        const m = buildConfigModel(readFileSync(e.path, 'utf8'), e.path);
        return m.issues.filter((i) => i.code === 'directive/not-in-version').map((i) => ({ e, keyword: spanText(m.file, i.span) }));
      });
    // The corpus holds configs written for newer releases (cpu-set, quic-initial, tune.stick-counters…).
    expect(reports.length).toBeGreaterThan(5);
    // SOURCES.tsv keeps HAProxy's first alert only, so it may name another refused line of the same file.
    const unconfirmed = reports.filter(({ e }) => e.acceptedByHaproxy);
    expect(unconfirmed.map(({ e, keyword }) => `${e.name}: ${keyword} (haproxy -c: ${e.haproxyAlert || 'ok'})`)).toEqual([]);
    const named = reports.filter(({ e, keyword }) => e.haproxyAlert.includes(`'${keyword}'`));
    expect(new Set(named.map(({ e }) => e.name)).size).toBeGreaterThan(5);
  });

  it('models every corpus file without throwing, and every section of every config', () => {
    for (const e of entries) {
      const text = readFileSync(e.path, 'utf8');
      if (e.kind === 'map') {
        expect(() => buildMapModel(text, e.path)).not.toThrow();
      } else {
        const m = buildConfigModel(text, e.path);
        const headers = text.split(/\r?\n/).filter((l) => /^\s*(global|defaults|frontend|backend|listen)(\s|$)/.test(l)).length;
        expect(m.sections.filter((s) => ['global', 'defaults', 'frontend', 'backend', 'listen'].includes(s.kind)).length, e.name).toBe(headers);
      }
    }
  });
});
