import type { SectionKind } from './types';

/** Section keywords with the versions that know them (reference §1.1). */
const SECTIONS: Readonly<Record<SectionKind, { since?: string; until?: string }>> = {
  global: {}, defaults: {}, frontend: {}, backend: {}, listen: {}, userlist: {}, peers: {}, resolvers: {},
  mailers: {}, cache: {}, 'http-errors': {}, ring: {}, 'log-forward': {}, 'fcgi-app': {}, namespace_list: {},
  program: { until: '3.3' }, 'crt-store': { since: '3.0' }, traces: { since: '3.1' }, 'log-profile': { since: '3.1' },
  acme: { since: '3.2' }, healthcheck: { since: '3.4' },
};

/** True when `word` starts a section: case-sensitive, as HAProxy compares with strcmp. */
export function isSectionKeyword(word: string): word is SectionKind {
  return Object.prototype.hasOwnProperty.call(SECTIONS, word);
}

/** Whether a section keyword exists in the given HAProxy version ('2.6', '3.2', …). */
export function sectionExistsIn(kind: SectionKind, version: string): boolean {
  const v = SECTIONS[kind];
  return (v.since === undefined || compareVersions(version, v.since) >= 0) && (v.until === undefined || compareVersions(version, v.until) < 0);
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}

export const SECTION_KEYWORDS: readonly SectionKind[] = Object.keys(SECTIONS) as SectionKind[];
