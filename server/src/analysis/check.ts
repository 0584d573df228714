import type { HaproxyConfig, MapFile } from '../model/types';
import type { Issue } from './issue';

/** A map file a config refers to, after path resolution. */
export interface ResolvedMap {
  /** The path as written in the config (the key maps are looked up by). */
  readonly writtenPath: string;
  /** Where the file was found, or undefined when no candidate exists. */
  readonly resolvedPath: string | undefined;
  readonly map: MapFile | undefined;
}

export interface AnalysisOptions {
  /** HAProxy version whose behaviour is modelled, e.g. '2.6'. */
  readonly haproxyVersion: string;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { haproxyVersion: '2.6' };

/** What every check receives. Checks never do I/O: maps are already loaded. */
export interface CheckContext {
  readonly config: HaproxyConfig;
  /** Keyed by the path as written in the config. */
  readonly maps: ReadonlyMap<string, ResolvedMap>;
  readonly options: AnalysisOptions;
  readonly signal?: AbortSignal;
}

/** A check is a plain function; analyze.ts holds the list. */
export type Check = (ctx: CheckContext) => Issue[];
