import type { Check, CheckContext } from '../check';
import type { Issue, QuickFix } from '../issue';
import type { MapEntry, MapFile, MapMatch, MapReference } from '../../model/types';
import { prepareMap } from '../../matching/match-map';
import { cachedMapReachability } from '../reachability/cached-reachability';
import { deleteLineEdits, moveKeepsOthers, moveLineEdits } from '../reachability/line-edits';
import type { LineReachability } from '../reachability/line-reachability';

/** Above this many unreachable lines in one map, "move" fixes are not computed (each needs a re-analysis). */
const MOVE_FIX_LIMIT = 20;
const FIRST_IN_ORDER: readonly MapMatch[] = ['sub', 'dir', 'dom', 'end', 'reg', 'regm', 'int'];

interface Usage {
  readonly map: MapFile;
  readonly match: MapMatch;
  readonly refs: MapReference[];
}

function usages(ctx: CheckContext): Usage[] {
  const byKey = new Map<string, Usage>();
  for (const ref of ctx.config.mapReferences) {
    const map = ref.via === 'converter' ? ctx.maps.get(ref.path)?.map : undefined;
    if (map === undefined) {
      continue;
    }
    const key = `${map.file.path}\u0000${ref.match}`;
    const found = byKey.get(key);
    if (found === undefined) {
      byKey.set(key, { map, match: ref.match, refs: [ref] });
    } else {
      found.refs.push(ref);
    }
  }
  return [...byKey.values()];
}

function describe(refs: readonly MapReference[]): string {
  const first = refs[0];
  const proxy = first?.proxy;
  const where = proxy === undefined ? '' : ` in ${proxy.kind}${proxy.name === undefined ? '' : ` ${proxy.name}`}`;
  const more = refs.length > 1 ? ` (and ${refs.length - 1} other use${refs.length > 2 ? 's' : ''})` : '';
  return `${first?.converter ?? 'map'}${where}${more}`;
}

const lineList = (entries: readonly MapEntry[]): string =>
  entries.length === 1 ? `line ${(entries[0]?.line ?? 0) + 1}` : `lines ${entries.map((e) => e.line + 1).join(', ')}`;

function unreachableIssue(u: Usage, r: LineReachability & { kind: 'unreachable' }, all: readonly LineReachability[], moveFixes: boolean): Issue {
  const line = r.entry.line + 1;
  const reason =
    r.coveredBy.length === 0
      ? 'the regex matches no input'
      : u.match === 'ip'
        ? `every address in it is matched by the more specific or earlier ${lineList(r.coveredBy)}`
        : `every input it matches is matched first by ${lineList(r.coveredBy)}`;
  const fixes: QuickFix[] = [{ title: `Delete line ${line}`, edits: deleteLineEdits(u.map, r.entry) }];
  const target = r.coveredBy[0];
  if (moveFixes && target !== undefined && FIRST_IN_ORDER.includes(u.match)) {
    const from = u.map.entries.indexOf(r.entry);
    const to = u.map.entries.indexOf(target);
    if (moveKeepsOthers(u.map.entries, u.match, from, to, all)) {
      fixes.push({ title: `Move line ${line} above line ${target.line + 1}`, edits: moveLineEdits(u.map, r.entry, target) });
    }
  }
  return {
    code: 'map/unreachable-line',
    severity: 'warning',
    message: `Line ${line} can never match for ${describe(u.refs)}: ${reason}`,
    file: u.map.file.path,
    span: r.entry.span,
    related: r.coveredBy.map((e) => ({ message: `Line ${e.line + 1} matches first`, file: u.map.file.path, span: e.span })),
    fixes,
  };
}

function undecidedIssue(u: Usage, r: LineReachability & { kind: 'undecided' }): Issue | undefined {
  if (!r.notable || r.reason.startsWith('invalid regex')) {
    return undefined;
  }
  return {
    code: 'map/cannot-decide',
    severity: 'info',
    message: `Cannot tell whether line ${r.entry.line + 1} can match for ${describe(u.refs)}: ${r.reason}`,
    file: u.map.file.path,
    span: r.entry.span,
  };
}

function badRegexIssues(u: Usage, seen: Set<string>): Issue[] {
  const out: Issue[] = [];
  if (u.match !== 'reg' && u.match !== 'regm') {
    return out;
  }
  for (const r of regexErrors(u)) {
    const key = `${u.map.file.path}:${r.entry.line}:${r.reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ code: 'map/bad-regex', severity: 'error', message: `Line ${r.entry.line + 1}: ${r.reason} (HAProxy refuses to load this map for ${describe(u.refs)})`, file: u.map.file.path, span: r.entry.keySpan });
    }
  }
  return out;
}

function regexErrors(u: Usage): { entry: MapEntry; reason: string }[] {
  const prepared = prepareMap(u.map.entries, u.match);
  const out: { entry: MapEntry; reason: string }[] = [];
  u.map.entries.forEach((entry, i) => {
    const t = prepared.regexAt(i)?.translation;
    if (t !== undefined && !t.ok && t.kind === 'invalid') {
      out.push({ entry, reason: t.reason });
    }
  });
  return out;
}

/*
 * The issues of one usage point into the map file only, so they stay valid
 * while the config is edited: memoised per entries array (weakly) and per
 * usage description, because "move" fixes each need a partial re-analysis.
 */
const issueCache = new WeakMap<readonly MapEntry[], Map<string, readonly Issue[]>>();

function usageIssues(u: Usage): readonly Issue[] {
  const key = `${u.match}\u0000${describe(u.refs)}`;
  let byUsage = issueCache.get(u.map.entries);
  if (!byUsage) {
    byUsage = new Map();
    issueCache.set(u.map.entries, byUsage);
  }
  const hit = byUsage.get(key);
  if (hit) {
    return hit;
  }
  const results = cachedMapReachability(u.map, u.match);
  const unreachable = results.filter((r): r is LineReachability & { kind: 'unreachable' } => r.kind === 'unreachable');
  const moveFixes = unreachable.length <= MOVE_FIX_LIMIT;
  const out: Issue[] = [];
  for (const r of results) {
    const issue = r.kind === 'unreachable' ? unreachableIssue(u, r, results, moveFixes) : r.kind === 'undecided' ? undecidedIssue(u, r) : undefined;
    if (issue !== undefined) {
      out.push(issue);
    }
  }
  byUsage.set(key, out);
  return out;
}

/**
 * Warns on map lines that can never be chosen for how a converter uses the map
 * (`map/unreachable-line`, with delete / move-above fixes), reports regexes
 * PCRE2 rejects (`map/bad-regex`) and, where worth saying, lines that cannot be
 * decided (`map/cannot-decide`). Issues point into the map file.
 */
export const checkUnreachableMapLines: Check = (ctx) => {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const u of usages(ctx)) {
    if (ctx.signal?.aborted === true) {
      break;
    }
    issues.push(...badRegexIssues(u, seen));
    issues.push(...usageIssues(u));
  }
  return issues;
};
