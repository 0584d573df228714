import { parseMapFile } from '../parser/parse-map';
import { issueAtPositions } from './issue-positions';
import { createSourceFile, lineOfOffset, positionOfOffset, spanOfOffsets } from './source-file';
import { spanOfToken } from './span';
import type { MapEntry, MapFile } from './types';

/**
 * Builds the model of a map file (reference §5.1): `#` in column 0 is a
 * comment, the key is the first field, the value the rest of the line with
 * trailing blanks trimmed (inner blanks kept), '' for a key-only line.
 */
export function buildMapModel(text: string, path: string): MapFile {
  const file = createSourceFile(path, text);
  const parsed = parseMapFile(text, path);
  const entries: MapEntry[] = [];
  const comments: MapFile['comments'][number][] = [];
  for (const st of parsed.statements) {
    const comment = st.comment;
    if (comment && !comment.isInsertedInRecovery) {
      const span = spanOfToken(comment);
      comments.push({ line: lineOfOffset(file, comment.startOffset), text: comment.image, span: spanOfOffsets(file, span.start, span.end) });
      continue;
    }
    const key = st.key;
    if (!key || key.isInsertedInRecovery) {
      continue;
    }
    const values = st.values.filter((t) => !t.isInsertedInRecovery);
    const keyOffsets = spanOfToken(key);
    const firstValue = values[0];
    const lastValue = values[values.length - 1];
    const valueOffsets = firstValue && lastValue ? { start: firstValue.startOffset, end: spanOfToken(lastValue).end } : { start: keyOffsets.end, end: keyOffsets.end };
    // A map entry is one line: its positions are the line's position plus the offsets' distance from the line start.
    const line = lineOfOffset(file, key.startOffset);
    const at = (offset: number): number => positionOfOffset(file, offset);
    const keySpan = { start: at(keyOffsets.start), end: at(keyOffsets.end) };
    const valueSpan = { start: at(valueOffsets.start), end: at(valueOffsets.end) };
    entries.push({
      kind: 'mapEntry',
      line,
      key: key.image,
      keySpan,
      value: text.slice(valueOffsets.start, valueOffsets.end),
      valueSpan,
      span: { start: keySpan.start, end: valueSpan.end },
    });
  }
  return { kind: 'map', file, entries, comments, issues: parsed.syntaxIssues.map((i) => issueAtPositions(file, i)) };
}

