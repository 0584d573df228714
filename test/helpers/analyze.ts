import type { Check } from '../../server/src/analysis/check';
import { runChecks } from '../../server/src/analysis/analyze';
import type { Issue, TextEdit } from '../../server/src/analysis/issue';
import { analyzeLoaded, loadConfig, DEFAULT_ENGINE_OPTIONS, type LoadedConfig } from '../../server/src/engine';
import { createSourceFile, lineOf, offsetOf, positionOfOffset, spanText as spanTextOf } from '../../server/src/model/source-file';
import type { Span } from '../../server/src/model/span';

export const CONFIG_PATH = '/t/haproxy.cfg';

/** Loads a config text whose map files are given inline, by absolute path. */
export function loadInline(config: string, maps: Record<string, string> = {}): LoadedConfig {
  return loadConfig(config, CONFIG_PATH, { read: (p) => maps[p] }, DEFAULT_ENGINE_OPTIONS);
}

/**
 * Issues of one check only, suppression comments applied. The suppression
 * quick fixes every issue gets are left out, so `fixes` holds the check's own.
 */
export function runCheck(check: Check, config: string, maps: Record<string, string> = {}): Issue[] {
  const loaded = loadInline(config, maps);
  const all = runChecks({ config: loaded.config, maps: loaded.maps, options: loaded.options }, [check]);
  const own = new Set(check(loaded).map((i) => `${i.file}:${i.span.start}:${i.code}`));
  return all.filter((i) => own.has(`${i.file}:${i.span.start}:${i.code}`)).map(withoutSuppressionFixes);
}

function withoutSuppressionFixes(issue: Issue): Issue {
  const { fixes, ...rest } = issue;
  const kept = (fixes ?? []).filter((f) => !f.title.startsWith('Ignore '));
  return kept.length > 0 ? { ...rest, fixes: kept } : rest;
}

/** Every issue of the whole analysis. */
export function analyzeInline(config: string, maps: Record<string, string> = {}): Issue[] {
  return analyzeLoaded(loadInline(config, maps));
}

/** 1-based line of an issue in `text`, the text it points into (read afresh, as a whole). */
export function lineNumber(text: string, issue: Issue): number {
  return lineOf(createSourceFile('', text), issue.span.start) + 1;
}

/** Applies edits (all in one file) to its text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const file = createSourceFile('', text);
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, offsetOf(file, e.span.start)) + e.newText + out.slice(offsetOf(file, e.span.end));
  }
  return out;
}

/** The text an issue's span covers. */
export function spanText(text: string, issue: Issue): string {
  return textOf(text, issue.span) ?? '';
}

/** The text a span (positions, see span.ts) covers in `text`. */
export function textOf(text: string, span: Span | undefined): string | undefined {
  return span && spanTextOf(createSourceFile('', text), span);
}

/** The span position of an offset into `text`: tests find places with indexOf, spans hold positions. */
export function positionIn(text: string, offset: number): number {
  return positionOfOffset(createSourceFile('', text), offset);
}

/** The span of `needle`'s first occurrence in `text` (from offset `from`). */
export function spanOfText(text: string, needle: string, from = 0): Span {
  const at = text.indexOf(needle, from);
  return { start: positionIn(text, at), end: positionIn(text, at + needle.length) };
}
