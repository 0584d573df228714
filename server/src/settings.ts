/*
 * The `haproxy.*` settings: one type, one set of defaults (kept equal to
 * package.json by a test), a per-resource cache, and the mapping to plain
 * engine options. The engine never sees Settings.
 */
import * as path from 'node:path';
import type { EngineOptions, MapRoot, Severity } from './engine';

/** What a diagnostics override may say about one issue code. */
export type SeverityOverride = 'off' | Severity;

export interface Settings {
  /** Production path prefix → local folder, as `{from, to}` objects or `FROM=TO` strings. */
  readonly mapRoots: readonly (string | { readonly from: string; readonly to: string })[];
  /** HAProxy version whose behaviour is modelled. */
  readonly version: string;
  readonly ramp: {
    /** Cloud percentages a ramp walks through. */
    readonly steps: readonly number[];
    /** Regular expression (case-insensitive) matching the names or addresses of target (cloud) servers. */
    readonly targetPattern: string;
  };
  /** The haproxy binary; restricted: ignored in untrusted workspaces. */
  readonly haproxyPath: string;
  /** Runtime API socket; restricted: ignored in untrusted workspaces. */
  readonly runtime: { readonly socket: string };
  /** Issue code (or `area/*`) → 'off' or a severity replacing the engine's. */
  readonly diagnostics: { readonly overrides: Readonly<Record<string, SeverityOverride>> };
  readonly trace: { readonly server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: Settings = {
  mapRoots: [],
  version: '2.6',
  ramp: { steps: [1, 5, 10, 25, 50, 75, 100], targetPattern: 'aws|cloud|k8s|kubernetes|eks|gke|aks|gcp|azure' },
  haproxyPath: 'haproxy',
  runtime: { socket: '' },
  diagnostics: { overrides: {} },
  trace: { server: 'off' },
};

/** Settings whose value is a free-form object: one package.json property, not a group. */
const OBJECT_LEAVES: ReadonlySet<string> = new Set(['diagnostics.overrides']);

/**
 * Settings as `haproxy.<dotted key>` → value, the shape of package.json's
 * `contributes.configuration.properties` defaults.
 */
export function flattenSettings(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (value: unknown, key: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !OBJECT_LEAVES.has(key)) {
      for (const [k, v] of Object.entries(value)) {
        walk(v, key ? `${key}.${k}` : k);
      }
      return;
    }
    out[`haproxy.${key}`] = value;
  };
  walk(settings, '');
  return out;
}

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'info', 'hint']);

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

/**
 * Turns whatever the client answered for section `haproxy` into Settings:
 * missing or ill-typed values fall back to DEFAULT_SETTINGS, never throw.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = record(raw);
  const d = DEFAULT_SETTINGS;
  const ramp = record(r['ramp']);
  const steps = Array.isArray(ramp['steps']) ? ramp['steps'].filter((s): s is number => typeof s === 'number' && Number.isFinite(s)) : d.ramp.steps;
  const roots = Array.isArray(r['mapRoots'])
    ? r['mapRoots'].filter((m): m is Settings['mapRoots'][number] => typeof m === 'string' || (typeof record(m)['from'] === 'string' && typeof record(m)['to'] === 'string'))
    : d.mapRoots;
  const overrides: Record<string, SeverityOverride> = {};
  for (const [code, sev] of Object.entries(record(record(r['diagnostics'])['overrides']))) {
    if (typeof sev === 'string' && SEVERITIES.has(sev)) {
      overrides[code] = sev as SeverityOverride;
    }
  }
  const trace = str(record(r['trace'])['server'], d.trace.server);
  return {
    mapRoots: roots,
    version: str(r['version'], d.version),
    ramp: { steps, targetPattern: str(ramp['targetPattern'], d.ramp.targetPattern) },
    haproxyPath: str(r['haproxyPath'], d.haproxyPath),
    runtime: { socket: str(record(r['runtime'])['socket'], d.runtime.socket) },
    diagnostics: { overrides },
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

/** In an untrusted workspace the restricted settings keep their defaults (nothing to spawn or connect to). */
export function restrictSettings(settings: Settings, trusted: boolean): Settings {
  return trusted ? settings : { ...settings, haproxyPath: DEFAULT_SETTINGS.haproxyPath, runtime: DEFAULT_SETTINGS.runtime };
}

/**
 * `FROM=TO` strings and `{from, to}` objects as engine map roots. A relative
 * `to` is resolved against `baseDir` (the workspace folder) when given.
 * Malformed strings are skipped.
 */
export function parseMapRootSettings(roots: Settings['mapRoots'], baseDir: string | undefined): MapRoot[] {
  const out: MapRoot[] = [];
  for (const r of roots) {
    let from: string;
    let to: string;
    if (typeof r === 'string') {
      const eq = r.indexOf('=');
      if (eq <= 0 || eq === r.length - 1) {
        continue;
      }
      from = r.slice(0, eq);
      to = r.slice(eq + 1);
    } else {
      ({ from, to } = r);
    }
    out.push({ from, to: baseDir && !path.isAbsolute(to) ? path.join(baseDir, to) : to });
  }
  return out;
}

/** The plain options the engine receives for one resource. */
export function toEngineOptions(settings: Settings, baseDir: string | undefined): EngineOptions {
  return { haproxyVersion: settings.version, mapRoots: parseMapRootSettings(settings.mapRoots, baseDir) };
}

/**
 * Settings per resource uri, pulled lazily through `fetch` (the client's
 * `workspace/configuration`) and cached until `clear()` (configuration
 * changed) or `drop(uri)` (document closed). A failing fetch yields defaults.
 */
export class SettingsCache {
  private readonly entries = new Map<string, Promise<Settings>>();

  constructor(private readonly fetch: (uri: string) => Promise<unknown>) {}

  get(uri: string): Promise<Settings> {
    let hit = this.entries.get(uri);
    if (!hit) {
      hit = this.fetch(uri).then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.entries.set(uri, hit);
    }
    return hit;
  }

  clear(): void {
    this.entries.clear();
  }

  drop(uri: string): void {
    this.entries.delete(uri);
  }
}
