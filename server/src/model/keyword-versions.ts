/*
 * Which HAProxy versions know a keyword, from the documentation of each
 * x.y.0 release (keyword-versions.generated.ts, made by
 * scripts/generate-keyword-versions.mjs) corrected by what a real HAProxy
 * accepts. Only the direction "documented from a later release than the
 * configured version" is trusted enough to report: a keyword can leave the
 * documentation while HAProxy still accepts it as an alias (`option
 * accept-invalid-http-request` after 3.0), so a keyword missing from later
 * documentation is only left out of completion, never reported.
 */
import { GLOBAL_RELEASES, OPTION_RELEASES, PROXY_RELEASES, SCANNED_RELEASES, TIMEOUT_RELEASES } from './keyword-versions.generated';

/** Per keyword, the scanned releases (space-separated, ascending) whose documentation lists it. */
export type KeywordReleases = Readonly<Record<string, string>>;

export type KeywordKind = 'global' | 'proxy' | 'option' | 'timeout';

const TABLES: Record<KeywordKind, KeywordReleases> = { global: GLOBAL_RELEASES, proxy: PROXY_RELEASES, option: OPTION_RELEASES, timeout: TIMEOUT_RELEASES };

/**
 * Keywords HAProxy 2.6.12 (Debian 12) accepts although the 2.6 documentation
 * does not list them: undocumented there or backported to the 2.6 branch.
 * The differential tests check this list against the binary.
 */
export const ACCEPTED_BEFORE_DOCUMENTED: Readonly<Record<KeywordKind, readonly string[]>> = {
  global: ['tune.fail-alloc', 'tune.h2.max-frame-size', 'tune.peers.max-updates-at-once'],
  proxy: ['hash-balance-factor', 'max-session-srv-conns'],
  option: [],
  timeout: [],
};

/** `major.minor` of a version setting as a comparable number (2.6.12 → 2006); undefined when unreadable. */
function versionNumber(version: string): number | undefined {
  const m = /^\s*(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : undefined;
}

const FIRST_SCANNED = versionNumber(SCANNED_RELEASES[0] as string) as number;

function releasesOf(kind: KeywordKind, keyword: string): readonly string[] | undefined {
  const listed = Object.hasOwn(TABLES[kind], keyword) ? TABLES[kind][keyword] : undefined;
  return listed === undefined || ACCEPTED_BEFORE_DOCUMENTED[kind].includes(keyword) ? undefined : listed.split(' ');
}

/**
 * The release that first documents `keyword` when it is later than
 * `version`: HAProxy `version` does not know it. Undefined when the keyword
 * is known to `version`, when nothing is known of it, or when the version
 * cannot be read.
 */
export function documentedOnlyFrom(kind: KeywordKind, keyword: string, version: string): string | undefined {
  // Most keywords have no release data: look them up before reading the version.
  const first = releasesOf(kind, keyword)?.[0];
  const wanted = first === undefined ? undefined : versionNumber(version);
  if (first === undefined || wanted === undefined) {
    return undefined;
  }
  const since = versionNumber(first) as number;
  // A keyword listed from the first scanned release on may be older still.
  return since > FIRST_SCANNED && since > wanted ? first : undefined;
}

/**
 * False when the documentation of `version` (or of the nearest scanned
 * release) does not list `keyword` although another release's does: not
 * offered by completion. True for keywords without version data.
 */
export function documentedIn(kind: KeywordKind, keyword: string, version: string): boolean {
  const releases = releasesOf(kind, keyword);
  const wanted = versionNumber(version);
  if (!releases || wanted === undefined) {
    return true;
  }
  if (documentedOnlyFrom(kind, keyword, version) !== undefined) {
    return false;
  }
  const last = versionNumber(releases[releases.length - 1] as string) as number;
  const newest = versionNumber(SCANNED_RELEASES[SCANNED_RELEASES.length - 1] as string) as number;
  // Still listed by the newest scanned release: newer versions know it too.
  return last === newest || wanted <= last;
}
