import { parseMapFile } from '../parser/parse-map';
import { createSourceFile, lineOf } from './source-file';
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
  for (const lineNode of parsed.cst.children.mapLine ?? []) {
    for (const st of lineNode.children.mapStatement ?? []) {
      const comment = st.children.MapComment?.[0];
      if (comment) {
        comments.push({ line: lineOf(file, comment.startOffset), text: comment.image, span: spanOfToken(comment) });
        continue;
      }
      const key = st.children.key?.[0];
      if (!key || key.isInsertedInRecovery) {
        continue;
      }
      const values = (st.children.value ?? []).filter((t) => !t.isInsertedInRecovery);
      const keySpan = spanOfToken(key);
      const firstValue = values[0];
      const lastValue = values[values.length - 1];
      const valueSpan = firstValue && lastValue ? { start: firstValue.startOffset, end: spanOfToken(lastValue).end } : { start: keySpan.end, end: keySpan.end };
      entries.push({
        kind: 'mapEntry',
        line: lineOf(file, key.startOffset),
        key: key.image,
        keySpan,
        value: text.slice(valueSpan.start, valueSpan.end),
        valueSpan,
        span: { start: keySpan.start, end: valueSpan.end },
      });
    }
  }
  return { kind: 'map', file, entries, comments, issues: parsed.syntaxIssues };
}
