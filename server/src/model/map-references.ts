import type { SampleExpression } from '../parser/sample-expression';
import { parseWordExpression } from './conditions';
import { wordLogFormat } from './log-format';
import type { Defaults, Directive, MapMatch, MapReference, Proxy, Word } from './types';

const MAP_CONVERTER = /^map(?:_(str|beg|sub|dir|dom|end|reg|regm|int|ip))?(?:_(?:int|ip|str|key))?$/;

/** The match kind of a map converter name (`map_beg_int` → 'beg'), or undefined. */
export function mapMatchOf(converter: string): MapMatch | undefined {
  const m = MAP_CONVERTER.exec(converter);
  if (!m) {
    return undefined;
  }
  return (m[1] as MapMatch | undefined) ?? 'str';
}

/**
 * Every map file a directive uses: converters inside `%[ ]` and bare sample
 * expressions (ACL criteria, set-var), plus ACL `-f` pattern files.
 */
export function collectMapReferences(d: Directive, owner: Proxy | Defaults | undefined): MapReference[] {
  if (!mayReferenceMaps(d)) {
    return NO_REFERENCES;
  }
  const refs: MapReference[] = [];
  const targetWord = d.keyword === 'use_backend' ? d.args[0] : undefined;
  d.args.forEach((w, i) => {
    const prev = d.args[i - 1]?.value;
    if (prev === '-f' && (d.keyword === 'acl' || inBraces(d.args, i))) {
      refs.push({ converter: 'acl -f', match: 'str', path: w.value, pathSpan: w.span, defaultValue: undefined, defaultSpan: undefined, selectsBackend: false, proxy: owner, directive: d, via: 'acl-file' });
      return;
    }
    for (const e of expressionsIn(w)) {
      for (const conv of e.converters) {
        const match = mapMatchOf(conv.name);
        const path = conv.args[0];
        const pathSpan = conv.argSpans[0];
        if (!match || path === undefined || !pathSpan) {
          continue;
        }
        refs.push({
          converter: conv.name,
          match,
          path,
          pathSpan,
          defaultValue: conv.args[1],
          defaultSpan: conv.argSpans[1],
          selectsBackend: w === targetWord,
          proxy: owner,
          directive: d,
          via: 'converter',
        });
      }
    }
  });
  return refs;
}

const NO_REFERENCES: MapReference[] = [];

/** False when no word can name a map: none is `-f` or mentions `map` (every map converter does). Most lines of a config. */
function mayReferenceMaps(d: Directive): boolean {
  for (let i = 0; i < d.args.length; i++) {
    const v = (d.args[i] as Word).value;
    if (v === '-f' || v.includes('map')) {
      return true;
    }
  }
  return false;
}

function expressionsIn(w: Word): SampleExpression[] {
  if (!w.value.includes('map')) {
    return [];
  }
  if (w.value.includes('%[') || w.value.includes('%{')) {
    return wordLogFormat(w).parts.flatMap((p) => (p.kind === 'sample' && p.expression ? [p.expression] : []));
  }
  const e = parseWordExpression(w);
  return e ? [e] : [];
}

function inBraces(args: readonly Word[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const v = args[j]?.value;
    if (v === '}') {
      return false;
    }
    if (v === '{') {
      return true;
    }
  }
  return false;
}
