import type { Check, CheckContext } from '../check';
import { sameItems } from '../../model/build-memo';
import type { Issue, QuickFix } from '../issue';
import { collectBackendNameUses, type BackendNameScope, type BackendNameUse } from '../backend-name-uses';
import { NameSuggester } from '../../model/closest-name';
import type { HaproxyConfig } from '../../model/types';

/**
 * `backend/undefined`: a backend name that matches no `backend` or `listen`
 * section (case-sensitive, as HAProxy looks names up). Static names stop
 * HAProxy at startup; map values and converter defaults fail per request and
 * fall back to default_backend.
 * This check reports the names written in the config; `checkUndefinedMapValues`
 * reports map values, on the map file: the config's own diagnostics then
 * never read a map's lines.
 */
export const checkUndefinedBackends: Check = undefinedBackendsCheck('config');

/** `backend/undefined` on map values that name no backend, reported on the map file. */
export const checkUndefinedMapValues: Check = undefinedBackendsCheck('map values');

function undefinedBackendsCheck(scope: BackendNameScope): Check {
  /** The last results, one per recently analysed config. */
  const recent: { inputs: UndefinedBackendInputs; issues: Issue[] }[] = [];
  return (ctx) => {
    // An edit inside a backend changes none of the inputs: the frontends, the maps and the set of backend names.
    const maps = scope === 'config' ? [] : [...ctx.maps.values()].map((m) => m.map);
    const inputs: UndefinedBackendInputs = { path: ctx.config.file.path, frontends: ctx.config.frontends, maps, names: [...ctx.config.backendsByName.keys()] };
    const hit = recent.find((r) => sameInputs(r.inputs, inputs));
    if (hit) {
      return hit.issues;
    }
    const issues = findUndefinedBackends(ctx, scope);
    recent.unshift({ inputs, issues });
    recent.length = Math.min(recent.length, RECENT_LIMIT);
    return issues;
  };
}

interface UndefinedBackendInputs {
  readonly path: string;
  readonly frontends: readonly object[];
  readonly maps: readonly (object | undefined)[];
  readonly names: readonly string[];
}

const RECENT_LIMIT = 8;

function sameInputs(a: UndefinedBackendInputs, b: UndefinedBackendInputs): boolean {
  return a.path === b.path && sameItems(a.frontends, b.frontends) && sameItems(a.maps, b.maps) && sameItems(a.names, b.names);
}

function findUndefinedBackends(ctx: CheckContext, scope: BackendNameScope): Issue[] {
  const config = ctx.config;
  const issues: Issue[] = [];
  const reported = new Set<string>();
  const undefinedUses: BackendNameUse[] = [];
  for (const use of collectBackendNameUses(ctx, scope)) {
    // The name first: most names are defined, and a 2,000-line map would otherwise build 2,000 keys per edit.
    if (config.backendsByName.has(use.name)) {
      continue;
    }
    const key = `${use.file}:${use.span.start}`;
    if (!reported.has(key)) {
      reported.add(key);
      undefinedUses.push(use);
    }
  }
  const suggesters = suggestersFor(config, undefinedUses);
  const frontendNames = new Set(config.proxies.filter((p) => p.kind === 'frontend').map((p) => p.name));
  for (const use of undefinedUses) {
    const suggestion = suggesters.get(candidateKey(use))?.closest(use.name);
    issues.push({
      code: 'backend/undefined',
      severity: 'error',
      message: `${subject(use)}: ${reason(frontendNames.has(use.name))}, so ${consequence(use)}${suggestion ? hint(use.name, suggestion) : ''}`,
      file: use.file,
      span: use.span,
      ...(use.rule && use.origin !== 'use_backend' ? { related: [{ message: `The use_backend rule that looks this name up`, file: config.file.path, span: use.rule.directive.span }] } : {}),
      ...(suggestion ? { fixes: [renameFix(use, suggestion)] } : {}),
    });
  }
  return issues;
}

function subject(use: BackendNameUse): string {
  switch (use.origin) {
    case 'use_backend':
    case 'default_backend':
      return `Backend '${use.name}' named by ${use.origin} is not defined`;
    case 'map-value':
      return `Map value '${use.name}' is not a defined backend`;
    case 'map-default':
      return `Map default '${use.name}' is not a defined backend`;
  }
}

function reason(namesAFrontend: boolean): string {
  return namesAFrontend ? 'it is a frontend, and only backend and listen sections can be selected' : 'no backend or listen section has this name';
}

function consequence(use: BackendNameUse): string {
  if (use.origin === 'use_backend' || use.origin === 'default_backend') {
    return 'HAProxy refuses to start';
  }
  const who = use.origin === 'map-value' ? 'requests that reach this line' : 'requests that match no map line';
  const dflt = use.proxy.settings.defaultBackend;
  if (dflt) {
    return `${who} fall back to default_backend '${dflt.name}'`;
  }
  return use.proxy.kind === 'listen' ? `${who} go to the servers of listen '${use.proxy.name ?? ''}'` : `${who} get a 503 from frontend '${use.proxy.name ?? ''}'`;
}

function hint(name: string, suggestion: string): string {
  return suggestion.toLowerCase() === name.toLowerCase() ? ` (names are case-sensitive: did you mean '${suggestion}'?)` : ` (did you mean '${suggestion}'?)`;
}

/** Above this many name comparisons in one run, suggestions are sought among nearby names only (see NameSuggester). */
const MAX_EXACT_COMPARISONS = 1_000_000;

function candidateKey(use: BackendNameUse): string {
  return `${use.prefix}\0${use.suffix}`;
}

/**
 * One suggester per prefix and suffix around the names (a map value's
 * literal text around it): it suggests among the backend names that keep
 * them. A map may name thousands of missing backends: when its names times
 * the candidates pass MAX_EXACT_COMPARISONS, the suggester looks at
 * nearby names only, the same for every name of the run.
 */
function suggestersFor(config: HaproxyConfig, uses: readonly BackendNameUse[]): Map<string, NameSuggester> {
  const asked = new Map<string, { prefix: string; suffix: string; count: number }>();
  for (const use of uses) {
    const key = candidateKey(use);
    const entry = asked.get(key);
    if (entry) {
      entry.count++;
    } else {
      asked.set(key, { prefix: use.prefix, suffix: use.suffix, count: 1 });
    }
  }
  const names = [...config.backendsByName.keys()];
  const suggesters = new Map<string, NameSuggester>();
  for (const [key, { prefix, suffix, count }] of asked) {
    const candidates = names.filter((n) => n.length >= prefix.length + suffix.length && n.startsWith(prefix) && n.endsWith(suffix));
    suggesters.set(key, new NameSuggester(candidates, count * candidates.length > MAX_EXACT_COMPARISONS));
  }
  return suggesters;
}

function renameFix(use: BackendNameUse, suggestion: string): QuickFix {
  const newText = suggestion.slice(use.prefix.length, suggestion.length - use.suffix.length);
  return { title: `Rename to '${suggestion}'`, edits: [{ file: use.file, span: use.span, newText }] };
}
