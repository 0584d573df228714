/*
 * Hover on a map line: which configs and converters use the map, the
 * backend its value selects with that backend's split, and whether the line
 * can match at all (a witness input, or the lines that cover it).
 */
import * as path from 'node:path';
import { collectBackendNameUses, computeBackendSplit, lineOf, lineReachability, type LineReachability, type MapEntry, type MapFile } from '../engine';
import type { MapUse } from './project';
import { lineLink } from './render-route';
import { splitLabel } from './render-split';

function reachability(map: MapFile, entry: MapEntry, use: MapUse): string | undefined {
  const index = map.entries.indexOf(entry);
  const matches = [...new Set(use.refs.filter((r) => r.via === 'converter').map((r) => r.match))];
  const verdicts = matches.map((m): [string, LineReachability | undefined] => [m, lineReachability(map, m, index)]);
  const lines = verdicts.flatMap(([m, v]) => {
    if (!v) {
      return [];
    }
    switch (v.kind) {
      case 'reachable':
        return [`- reachable with \`map_${m}\`, e.g. \`${v.witness}\``];
      case 'unreachable':
        return [`- **never matches** with \`map_${m}\`: ${v.coveredBy.length === 0 ? 'it matches no input' : `covered by ${v.coveredBy.map((c) => lineLink(map.file.path, c.line)).join(', ')}`}`];
      case 'undecided':
        return v.notable ? [`- reachability with \`map_${m}\` undecided: ${v.reason}`] : [];
    }
  });
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** Markdown for `entry` of `map`, as used by every config in `uses`. */
export function mapLineHover(map: MapFile, entry: MapEntry, uses: readonly MapUse[], target: RegExp | undefined): string {
  const out = [`**map line ${entry.line + 1}** \`${entry.key}\` → \`${entry.value}\``];
  if (uses.length === 0) {
    out.push('', 'No open or workspace config uses this map');
  }
  for (const use of uses) {
    out.push('', `**${path.basename(use.doc.path)}**`);
    for (const ref of use.refs) {
      out.push(`- ${lineLink(use.doc.path, lineOf(use.doc.loaded.config.file, ref.directive.span.start))} \`${ref.converter}\` in ${ref.proxy?.kind ?? 'section'} \`${ref.proxy?.name ?? '?'}\``);
    }
    const name = collectBackendNameUses(use.doc.loaded).find((u) => u.file === map.file.path && u.span.start === entry.valueSpan.start)?.name;
    const be = name === undefined ? undefined : use.doc.loaded.config.backendsByName.get(name);
    if (name !== undefined) {
      out.push(be ? `- selects backend \`${name}\`: ${splitLabel(be, computeBackendSplit(be), target)}` : `- selects backend \`${name}\`, which is not defined`);
    }
    const r = reachability(map, entry, use);
    if (r) {
      out.push(r);
    }
  }
  return out.join('\n');
}
