import type { CheckContext } from './check';
import { mapMatchOf } from '../model/map-references';
import type { Span } from '../model/span';
import type { Directive, HaproxyConfig, MapFile, MapReference, Proxy, UseBackendRule } from '../model/types';

/**
 * One place a backend name comes from: a static `use_backend`/`default_backend`
 * word, a map value a `use_backend %[…map…]` can return, or that converter's
 * default value. `name` is the backend name HAProxy would look up.
 */
export interface BackendNameUse {
  readonly origin: 'use_backend' | 'default_backend' | 'map-value' | 'map-default';
  readonly name: string;
  /** File and span of the text to underline and rename (the map value for map values). */
  readonly file: string;
  readonly span: Span;
  /** Literal text around the map value in the use_backend word (`be_%[…]` → prefix 'be_'). */
  readonly prefix: string;
  readonly suffix: string;
  /** The frontend or listen whose rule produces the name. */
  readonly proxy: Proxy;
  /** The use_backend rule for map origins. */
  readonly rule: UseBackendRule | undefined;
}

/** Which uses to list: all, those written in the config, or map values (the only ones that read a map's lines). */
export type BackendNameScope = 'all' | 'config' | 'map values';

/**
 * Every backend name the frontends and listens of a config can select.
 * Dynamic names are followed only when the `use_backend` word is literal text
 * around one sample whose last converter is a map: then every value of the
 * loaded map (and the converter default) is a name HAProxy may look up.
 * Values of `map_regm` with back-references are built per request and skipped.
 * `scope` keeps the names written in the config or those in map values.
 */
export function collectBackendNameUses(ctx: CheckContext, scope: BackendNameScope = 'all'): BackendNameUse[] {
  const inConfig = scope !== 'map values';
  const uses: BackendNameUse[] = [];
  const cfgPath = ctx.config.file.path;
  // Many rules may read one map: its values are the same names at the same places, listed once (first rule).
  const listed = new Set<string>();
  for (const proxy of ctx.config.frontends) {
    for (const rule of proxy.useBackends) {
      if (rule.target.kind === 'static') {
        if (inConfig) {
          uses.push({ origin: 'use_backend', name: rule.target.name, file: cfgPath, span: rule.target.span, prefix: '', suffix: '', proxy, rule });
        }
        continue;
      }
      const target = mapTarget(ctx, rule);
      if (target === undefined) {
        continue;
      }
      const { prefix, suffix, ref } = target;
      const values = `${ref.path}\0${prefix}\0${suffix}\0${ref.match === 'regm' ? 'regm' : ''}`;
      if (scope !== 'config' && !listed.has(values)) {
        listed.add(values);
        uses.push(...mapValueUses(ctx, proxy, rule, target));
      }
      if (inConfig && ref.defaultValue !== undefined && ref.defaultSpan) {
        uses.push({ origin: 'map-default', name: prefix + ref.defaultValue + suffix, file: cfgPath, span: ref.defaultSpan, prefix, suffix, proxy, rule });
      }
    }
    const dflt = proxy.settings.defaultBackend;
    if (inConfig && dflt) {
      uses.push({ origin: 'default_backend', name: dflt.name, file: cfgPath, span: dflt.span, prefix: '', suffix: '', proxy, rule: undefined });
    }
  }
  return uses;
}

interface MapTarget {
  readonly prefix: string;
  readonly suffix: string;
  readonly ref: MapReference;
}

/** The map a dynamic `use_backend` word ends in and the literal text around it; undefined for other words. */
function mapTarget(ctx: CheckContext, rule: UseBackendRule): MapTarget | undefined {
  if (rule.target.kind !== 'dynamic') {
    return undefined;
  }
  const parts = rule.target.format.parts;
  const samples = parts.filter((p) => p.kind !== 'literal');
  const sample = samples[0];
  if (samples.length !== 1 || sample?.kind !== 'sample' || !sample.expression) {
    return undefined;
  }
  const at = parts.indexOf(sample);
  const literalText = (ps: typeof parts): string => ps.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
  const conv = sample.expression.converters[sample.expression.converters.length - 1];
  const pathSpan = conv?.argSpans[0];
  if (!conv || !pathSpan || mapMatchOf(conv.name) === undefined) {
    return undefined;
  }
  const ref = referencesOf(ctx.config).get(rule.directive)?.find((r) => r.pathSpan.start === pathSpan.start);
  return ref && { prefix: literalText(parts.slice(0, at)), suffix: literalText(parts.slice(at + 1)), ref };
}

/** Map references by directive, once per config: a config may hold 20,000 rules. */
function referencesOf(config: HaproxyConfig): Map<Directive, MapReference[]> {
  let byDirective = referencesByConfig.get(config);
  if (byDirective === undefined) {
    byDirective = new Map();
    for (const r of config.mapReferences) {
      const list = byDirective.get(r.directive);
      if (list) {
        list.push(r);
      } else {
        byDirective.set(r.directive, [r]);
      }
    }
    referencesByConfig.set(config, byDirective);
  }
  return byDirective;
}

const referencesByConfig = new WeakMap<HaproxyConfig, Map<Directive, MapReference[]>>();

/** One use per value of the map a rule reads. */
function mapValueUses(ctx: CheckContext, proxy: Proxy, rule: UseBackendRule, target: MapTarget): readonly BackendNameUse[] {
  const { prefix, suffix, ref } = target;
  const map = ctx.maps.get(ref.path)?.map;
  // On a 2,000-line map, rebuilt only when the rule or the map changed.
  const cached = mapUseCache.get(rule);
  if (cached && cached.map === map && cached.ref === ref) {
    return cached.uses;
  }
  const uses: BackendNameUse[] = [];
  const base = { prefix, suffix, proxy, rule };
  for (const entry of map?.entries ?? []) {
    if (entry.value === '' || (ref.match === 'regm' && /\\\d/.test(entry.value))) {
      continue;
    }
    uses.push({ ...base, origin: 'map-value', name: prefix + entry.value + suffix, file: map?.file.path ?? '', span: entry.valueSpan });
  }
  mapUseCache.set(rule, { map, ref, uses });
  return uses;
}

const mapUseCache = new WeakMap<UseBackendRule, { map: MapFile | undefined; ref: MapReference; uses: BackendNameUse[] }>();
