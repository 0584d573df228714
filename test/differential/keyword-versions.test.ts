import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOBAL_KEYWORDS, PROXY_KEYWORDS, PROXY_OPTIONS, TIMEOUT_NAMES } from '../../server/src/model/keyword-catalogue';
import { ACCEPTED_BEFORE_DOCUMENTED, documentedOnlyFrom, type KeywordKind } from '../../server/src/model/keyword-versions';
import { differentialSkipped, requireHaproxy } from './harness';

/*
 * `directive/not-in-version` against the real thing: every catalogued keyword
 * the release data says the installed HAProxy does not know must be refused
 * by it as unknown, and every keyword listed as accepted before it was
 * documented must not be.
 */

interface Probe {
  readonly kind: KeywordKind;
  readonly keyword: string;
  line?: number;
}

const SECTION_OF: Record<string, string> = { l: 'listen', b: 'backend', f: 'frontend', d: 'defaults' };

/** The line that uses `p` in a section that takes it, with a plausible argument. */
function probeLine(p: Probe): { section: string; text: string } {
  switch (p.kind) {
    case 'global':
      return { section: 'global', text: `${p.keyword} 1` };
    case 'option':
      return { section: 'listen', text: `option ${p.keyword}` };
    case 'timeout':
      return { section: 'defaults', text: `timeout ${p.keyword} 1s` };
    case 'proxy': {
      const letters = PROXY_KEYWORDS[p.keyword] ?? 'l';
      const section = SECTION_OF[[...'lbfd'].find((l) => letters.includes(l)) ?? 'l'] as string;
      return { section, text: `${p.keyword} 1` };
    }
  }
}

/** HAProxy's messages about each probe's line; it stops after 50 fatal errors, so probes go in batches. */
function haproxyMessages(bin: string, dir: string, probes: Probe[]): Map<Probe, string[]> {
  const out = new Map<Probe, string[]>();
  for (let b = 0; b < probes.length; b += 30) {
    const batch = probes.slice(b, b + 30);
    const lines: string[] = [];
    for (const section of ['global', 'defaults', 'listen', 'backend', 'frontend']) {
      lines.push(section === 'global' || section === 'defaults' ? section : `${section} probe-${section}`);
      if (section === 'defaults') {
        lines.push('    mode http', '    timeout connect 1s', '    timeout client 1s', '    timeout server 1s');
      }
      for (const p of batch) {
        const { section: s, text } = probeLine(p);
        if (s === section) {
          lines.push(`    ${text}`);
          p.line = lines.length;
        }
      }
    }
    const file = join(dir, `probe-${b}.cfg`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = spawnSync(bin, ['-c', '-f', file], { encoding: 'utf8' });
    const messages = `${r.stdout}\n${r.stderr}`.split('\n');
    for (const p of batch) {
      out.set(p, messages.filter((m) => m.includes(`${file}:${p.line}]`)));
    }
  }
  return out;
}

const refusedAsUnknown = (messages: readonly string[]): boolean =>
  messages.some((m) => /unknown keyword|unknown option|'timeout' supports/.test(m));

describe.runIf(!differentialSkipped())('keyword versions against the installed HAProxy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hm-keywords-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses every catalogued keyword reported as not in its version, and accepts the undocumented ones', () => {
    const bin = requireHaproxy();
    const version = /version (\d+\.\d+)/.exec(spawnSync(bin, ['-v'], { encoding: 'utf8' }).stdout)?.[1];
    expect(version, 'haproxy -v').toBeDefined();
    const catalogue: [KeywordKind, Iterable<string>][] = [['global', GLOBAL_KEYWORDS], ['proxy', Object.keys(PROXY_KEYWORDS)], ['option', Object.keys(PROXY_OPTIONS)], ['timeout', TIMEOUT_NAMES]];
    const reported: Probe[] = [];
    for (const [kind, keywords] of catalogue) {
      for (const keyword of keywords) {
        if (documentedOnlyFrom(kind, keyword, version as string) !== undefined) {
          reported.push({ kind, keyword });
        }
      }
    }
    // The Debian 2.6 package reports about a hundred; an empty list would test nothing.
    expect(reported.length).toBeGreaterThan(20);
    const accepted: Probe[] = Object.entries(ACCEPTED_BEFORE_DOCUMENTED).flatMap(([kind, ks]) => ks.map((keyword) => ({ kind: kind as KeywordKind, keyword })));
    const messages = haproxyMessages(bin, dir, [...reported, ...accepted]);
    const wronglyReported = reported.filter((p) => !refusedAsUnknown(messages.get(p) ?? [])).map((p) => `${p.kind} ${p.keyword}: ${(messages.get(p) ?? []).join(' / ') || 'accepted'}`);
    expect(wronglyReported).toEqual([]);
    if (version === '2.6') {
      const refused = accepted.filter((p) => refusedAsUnknown(messages.get(p) ?? [])).map((p) => `${p.kind} ${p.keyword}`);
      expect(refused).toEqual([]);
    }
  });
});
