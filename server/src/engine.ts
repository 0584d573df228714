/*
 * The engine's public façade: what the language server and the CLI import.
 * Everything here is editor-independent and does no I/O of its own: files
 * come in through a MapSource.
 */
import { runChecks } from './analysis/analyze';
import { CONFIG_FILE_CHECKS, MAP_FILE_CHECKS } from './analysis/checks';
import { sameItems } from './model/build-memo';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions, type ResolvedMap } from './analysis/check';
import type { Issue } from './analysis/issue';
import { buildConfigModel } from './model/build-model';
import type { LineTemplateCache } from './model/line-templates';
import { buildMapModel } from './model/build-map';
import { mapPathCandidates, type MapRoot } from './model/map-paths';
import type { HaproxyConfig, MapFile } from './model/types';

export type { Issue, IssueCode, Severity, QuickFix, TextEdit, RelatedInformation } from './analysis/issue';
export { ISSUE_CODES } from './analysis/issue';
export type { ResolvedMap, AnalysisOptions } from './analysis/check';
export type { MapRoot } from './model/map-paths';
export type * from './model/types';
export { buildConfigModel } from './model/build-model';
export { LineTemplateCache } from './model/line-templates';
export { GLOBAL_KEYWORDS, PROXY_KEYWORDS, PROXY_OPTIONS, TIMEOUT_NAMES } from './model/keyword-catalogue';
export { documentedIn, documentedOnlyFrom, type KeywordKind } from './model/keyword-versions';
export { SERVER_SETTING_ARITY } from './model/server-keywords';
export { buildMapModel } from './model/build-map';
export { createSourceFile, lineOf, positionAt, positionAtLine, positionOf, offsetOf, positionOfOffset, spanOfOffsets, spanText, type SourceFile, type Position } from './model/source-file';
export type { Span } from './model/span';

// simulate: what HAProxy does with a request (backend, shares, trace).
export { simulateRequest, renderTrace, parseRequestUrl } from './simulate';
export { parseRouteExpectations, checkRouteExpectation, type RouteExpectation, type ExpectationCheck } from './simulate/route-expectations';
export type { SimulationOptions, SimulatedRequest, RequestHeader, SimulationResult, RouteResult, DecidingLine, MapMatch, TraceStep, ServerShare } from './simulate';
export * from './ramp';
export { computeBackendSplit, computeBackendSplits, type BackendSplit } from './analysis/backend-split';
export { analyzeMapReachability, findWitness } from './analysis/reachability/analyze-map-reachability';
export { cachedReachabilitySteps, lineReachability } from './analysis/reachability/cached-reachability';
export type { LineReachability } from './analysis/reachability/line-reachability';
export { collectBackendNameUses, type BackendNameUse } from './analysis/backend-name-uses';

/** Reads files for the engine: open editor buffers first in the server, the disk in the CLI. */
export interface MapSource {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
}

export interface EngineOptions extends AnalysisOptions {
  readonly mapRoots: readonly MapRoot[];
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { ...DEFAULT_ANALYSIS_OPTIONS, mapRoots: [] };

/** A config with its map files loaded: the input of analysis, simulation and ramp. */
export interface LoadedConfig {
  readonly config: HaproxyConfig;
  /** By the path as written in the config. */
  readonly maps: ReadonlyMap<string, ResolvedMap>;
  readonly options: EngineOptions;
}

/** Caches a long-lived caller (the language server) keeps per document between builds. */
export interface LoadCaches {
  /** Parsed map files by resolved path, so a map shared by configs is parsed once. */
  readonly parsedMap?: (resolvedPath: string, text: string) => MapFile;
  /** Line templates of the previous build: only changed lines are tokenized again. */
  readonly lines?: LineTemplateCache;
}

/** Parses a config and loads every map file it references, through `source`. */
export function loadConfig(text: string, path: string, source: MapSource, options: EngineOptions = DEFAULT_ENGINE_OPTIONS, caches: LoadCaches | ((resolvedPath: string, text: string) => MapFile) = {}): LoadedConfig {
  const { parsedMap: parsedMaps, lines } = typeof caches === 'function' ? { parsedMap: caches, lines: undefined } : caches;
  const config = buildConfigModel(text, path, { haproxyVersion: options.haproxyVersion, lineCache: lines });
  const maps = new Map<string, ResolvedMap>();
  for (const ref of config.mapReferences) {
    if (maps.has(ref.path)) {
      continue;
    }
    let resolved: ResolvedMap = { writtenPath: ref.path, resolvedPath: undefined, map: undefined };
    for (const candidate of mapPathCandidates(ref.path, path, options.mapRoots)) {
      const mapText = source.read(candidate);
      if (mapText !== undefined) {
        resolved = foundMap(ref.path, candidate, () => (parsedMaps ? parsedMaps(candidate, mapText) : buildMapModel(mapText, candidate)));
        break;
      }
    }
    maps.set(ref.path, resolved);
  }
  return { config, maps, options };
}

/**
 * A map file that was found, parsed when its lines are first read (from the
 * text read now): a config's own diagnostics never read them, so they do not
 * wait for a parse of a map that may be thousands of lines long.
 */
function foundMap(writtenPath: string, resolvedPath: string, parse: () => MapFile): ResolvedMap {
  let map: MapFile | undefined;
  return {
    writtenPath,
    resolvedPath,
    get map(): MapFile {
      map ??= parse();
      return map;
    },
  };
}

/** Every issue of a loaded config: syntax, model, map files and all checks, minus suppressed ones. */
export function analyzeLoaded(loaded: LoadedConfig, signal?: AbortSignal): Issue[] {
  return runChecks({ config: loaded.config, maps: loaded.maps, options: loaded.options, signal });
}

/**
 * The issues located in the config file itself: the same as the config's
 * share of analyzeLoaded, without the checks that only report on map files
 * (exact map-line reachability is most of a first analysis).
 */
export function analyzeConfigFile(loaded: LoadedConfig): Issue[] {
  const path = loaded.config.file.path;
  return runChecks({ config: loaded.config, maps: loaded.maps, options: loaded.options }, CONFIG_FILE_CHECKS, 'config').filter((i) => i.file === path);
}

/** The issues located in the map files a config uses: the rest of analyzeLoaded, beside analyzeConfigFile. */
export function analyzeMapFiles(loaded: LoadedConfig): Issue[] {
  const path = loaded.config.file.path;
  return runChecks({ config: loaded.config, maps: loaded.maps, options: loaded.options }, MAP_FILE_CHECKS).filter((i) => i.file !== path);
}

/**
 * Whether two loads of a config (under the same options) give the same
 * analyzeMapFiles: the same parsed map files, the same map reference
 * objects (the model reuses them while their lines are unchanged), the same
 * backend names and frontend names, which is all the map-reporting checks read.
 */
export function sameMapInputs(a: LoadedConfig, b: LoadedConfig): boolean {
  if (a.maps.size !== b.maps.size || !sameItems(a.config.mapReferences, b.config.mapReferences) || a.config.backendsByName.size !== b.config.backendsByName.size) {
    return false;
  }
  for (const [written, m] of a.maps) {
    const other = b.maps.get(written);
    if (!other || other.map !== m.map || other.resolvedPath !== m.resolvedPath) {
      return false;
    }
  }
  const names = b.config.backendsByName.keys();
  for (const name of a.config.backendsByName.keys()) {
    if (names.next().value !== name) {
      return false;
    }
  }
  // A map value naming a frontend is reported as such.
  const frontendNames = (l: LoadedConfig): (string | undefined)[] => l.config.frontends.filter((p) => p.kind === 'frontend').map((p) => p.name);
  return sameItems(frontendNames(a), frontendNames(b));
}
