import type { Issue } from '../analysis/issue';
import type { EnvLookup } from '../parser/words';
import { lineProblems, nonBlankLines, readConfigLines, type ReadLines } from './build-lines';
import type { BuildMemo } from './build-memo';
import { scanDirectives } from './build-directives';
import { backendsByNameOf, baseOf, groupSections, MEMO, modelIssues, pushAll, sectionOutcome, type ModelParts } from './build-sections';
import { LineTemplateCache } from './line-templates';
import { spliceModel } from './splice-model';
import type { Defaults, Global, HaproxyConfig, MapReference, Proxy } from './types';

export interface BuildOptions {
  /** HAProxy version whose defaults apply ('2.6' unless said otherwise). */
  readonly haproxyVersion?: string;
  /** Environment variables known at analysis time; unknown ones stay as written. */
  readonly env?: EnvLookup;
  /**
   * Line templates of the previous build of the same document: only lines
   * whose text is new are tokenized again. Its env wins over `env`.
   */
  readonly lineCache?: LineTemplateCache;
}

/**
 * Builds the typed model of a haproxy.cfg text. Never throws: every problem
 * is an issue in `config.issues`, and lines after a broken one are modelled.
 *
 * With the `lineCache` of the previous build of the same document, an edit
 * that stays inside proxies, whether it adds lines or not, is spliced into
 * the last model (splice-model.ts); any other build goes over every
 * section, reusing what the memo kept for sections that did not change.
 */
export function buildConfigModel(text: string, path: string, options: BuildOptions = {}): HaproxyConfig {
  const version = options.haproxyVersion ?? '2.6';
  const cache = options.lineCache ?? new LineTemplateCache(options.env);
  const memo = cache.memo;
  const last = memo.last<ModelParts>(MEMO.model);
  // The same text again (its map changed, or settings did not touch it): the same model object, so that
  // what was derived from it (checks, navigation indexes) is found again rather than made anew.
  if (last && last.version === version && last.config.file.path === path && last.config.file === cache.previous?.file && last.config.file.text === text) {
    return last.config;
  }
  const read = readConfigLines(path, text, cache);
  const parts = (read.changed && last && last.version === version && last.config.file.path === path ? spliceModel(last, read, memo) : undefined) ?? buildWholeModel(read, version, memo);
  memo.remember(MEMO.model, parts);
  return parts.config;
}

function buildWholeModel(read: ReadLines, version: string, memo: BuildMemo): ModelParts {
  const { file } = read;
  const path = file.path;
  const lineIssues = lineProblems(read);
  const scanIssues: Issue[] = [];
  const scan = scanDirectives(nonBlankLines(read), file, scanIssues);
  const groupIssues: Issue[] = [];
  const sections = groupSections(scan.directives, path, groupIssues, memo);

  let global: Global | undefined;
  const defaults: Defaults[] = [];
  const namedDefaults = new Map<string, Defaults>();
  const proxies: Proxy[] = [];
  const mapReferences: MapReference[] = [];
  const sectionIssues: Issue[] = [];
  let lastDefaults: Defaults | undefined;
  for (const s of sections) {
    // What a section yields depends on its lines, the defaults it builds on and the version: an unchanged section costs a lookup.
    const outcome = sectionOutcome(memo, s, baseOf(s, namedDefaults, lastDefaults), namedDefaults, version, path);
    pushAll(sectionIssues, outcome.issues);
    pushAll(mapReferences, outcome.refs);
    const built = outcome.built;
    if (built?.kind === 'global') {
      global = global ?? built;
    } else if (built?.kind === 'defaults') {
      defaults.push(built);
      if (built.name) {
        namedDefaults.set(built.name, built);
      }
      lastDefaults = built;
    } else if (built) {
      proxies.push(built);
    }
  }
  memo.endBuild();
  const config: HaproxyConfig = {
    kind: 'config',
    file,
    sections,
    global,
    defaults,
    proxies,
    backendsByName: backendsByNameOf(proxies),
    frontends: proxies.filter((p) => p.kind !== 'backend'),
    mapReferences,
    conditionals: scan.conditionals,
    directives: scan.directives,
    comments: scan.comments,
    issues: modelIssues(read, lineIssues, scanIssues, groupIssues, sectionIssues),
  };
  return { version, config, lineIssues, scanIssues, groupIssues, sectionIssues };
}
