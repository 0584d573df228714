import type { TextEdit } from '../issue';
import { positionAtLine, positionOfOffset } from '../../model/source-file';
import type { MapEntry, MapFile } from '../../model/types';
import { analyzeMapReachability } from './analyze-map-reachability';
import type { LineReachability } from './line-reachability';
import type { MapMatch } from '../../model/types';

/** The whole line of `entry`, line break included (or the preceding one for a last line without break). */
function fullLine(map: MapFile, entry: MapEntry): { start: number; end: number; text: string } {
  const { text, lineStarts } = map.file;
  const start = lineStarts[entry.line] ?? 0;
  const next = lineStarts[entry.line + 1];
  if (next !== undefined) {
    return { start: positionAtLine(map.file, entry.line), end: positionAtLine(map.file, entry.line + 1), text: text.slice(start, next) };
  }
  const body = text.slice(start);
  const before = start > 0 && text.charAt(start - 1) === '\n' ? (start > 1 && text.charAt(start - 2) === '\r' ? 2 : 1) : 0;
  return { start: positionOfOffset(map.file, start - before), end: positionOfOffset(map.file, text.length), text: `${body}\n` };
}

/** Edits that delete the line of `entry`. */
export function deleteLineEdits(map: MapFile, entry: MapEntry): TextEdit[] {
  const line = fullLine(map, entry);
  return [{ file: map.file.path, span: { start: line.start, end: line.end }, newText: '' }];
}

/** Edits that move the line of `entry` to just above the line of `target`. */
export function moveLineEdits(map: MapFile, entry: MapEntry, target: MapEntry): TextEdit[] {
  const line = fullLine(map, entry);
  const at = positionAtLine(map.file, target.line);
  return [
    { file: map.file.path, span: { start: at, end: at }, newText: line.text },
    { file: map.file.path, span: { start: line.start, end: line.end }, newText: '' },
  ];
}

/**
 * Whether moving entry `from` above entry `to` (indexes, `to < from`) makes the
 * moved line reachable without making any line that is reachable now
 * unreachable. Only lines `to..from` can change, so only they are re-analysed.
 */
export function moveKeepsOthers(entries: readonly MapEntry[], match: MapMatch, from: number, to: number, current: readonly LineReachability[]): boolean {
  const moved = entries[from];
  if (moved === undefined || to >= from) {
    return false;
  }
  if (entries[to]?.key === moved.key) {
    // Above its twin, the line takes the twin's verdict and the twin becomes unreachable: nothing is won.
    return false;
  }
  const reordered = [...entries.slice(0, to), moved, ...entries.slice(to, from), ...entries.slice(from + 1)];
  const only = new Set<number>();
  for (let i = to; i <= from; i++) {
    only.add(i);
  }
  const indexOf = new Map(entries.map((e, i) => [e, i]));
  const spoils = (r: LineReachability): boolean => (r.entry === moved ? r.kind !== 'reachable' : current[indexOf.get(r.entry) ?? -1]?.kind === 'reachable' && r.kind === 'unreachable');
  // The first line the move spoils settles it: the lines below it are not analysed (moving a duplicate above its twin stops at the twin).
  const after = analyzeMapReachability(reordered, match, { only, stopAfter: spoils });
  return !after.some(spoils);
}
