import type { SampleCall } from '../parser/sample-expression';
import type { MapMatch as MapMatchKind } from '../model/types';
import type { EvalContext } from './eval-context';
import { prepareMap } from '../matching/match-map';
import { regexSubstitute } from './matching-port';
import { asciiCase, fieldConverter, wordConverter } from './string-converters';
import { step } from './trace';

/** One converter applied to one value: the new value, a failure, or unsupported. */
export type ConverterOutcome =
  | { readonly kind: 'value'; readonly value: string }
  /** The converter fails: the sample becomes missing (no default, no match). */
  | { readonly kind: 'fail'; readonly why: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

const MAP_NAME = /^map(?:_(str|beg|sub|dir|dom|end|reg|regm|int|ip))?(?:_(str|int|ip))?$/;

const value = (v: string): ConverterOutcome => ({ kind: 'value', value: v });
const unsupported = (reason: string): ConverterOutcome => ({ kind: 'unsupported', reason: `cannot simulate: ${reason}` });

/** Applies one converter (reference §5.3, configuration.txt §7.3.1) to one present value. */
export function applyConverter(call: SampleCall, input: string, ctx: EvalContext): ConverterOutcome {
  const [a0, a1, a2] = call.args;
  switch (call.name) {
    case 'lower':
    case 'upper':
      return value(asciiCase(input, call.name));
    case 'field':
    case 'word': {
      const index = parseInt(a0 ?? '', 10);
      const count = a2 === undefined ? 1 : parseInt(a2, 10);
      if (Number.isNaN(index) || Number.isNaN(count) || a1 === undefined) {
        return unsupported(`${call.name}(${call.args.join(',')}) has invalid arguments`);
      }
      const out = call.name === 'field' ? fieldConverter(input, index, a1, count) : wordConverter(input, index, a1, count);
      return out === undefined ? { kind: 'fail', why: `${call.name}(${call.args.join(',')}) found no such ${call.name}` } : value(out);
    }
    case 'regsub': {
      if (a0 === undefined || a1 === undefined) {
        return unsupported('regsub needs a regex and a replacement');
      }
      const r = regexSubstitute(a0, input, a1, a2 ?? '');
      return r.kind === 'ok' ? value(r.value) : { kind: 'unsupported', reason: r.reason };
    }
    default: {
      const m = MAP_NAME.exec(call.name);
      if (m) {
        return applyMap(call, (m[1] ?? 'str') as MapMatchKind, input, ctx);
      }
      return unsupported(`converter '${call.name}' is not modelled`);
    }
  }
}

function applyMap(call: SampleCall, match: MapMatchKind, input: string, ctx: EvalContext): ConverterOutcome {
  const [path, defaultValue] = call.args;
  if (path === undefined) {
    return unsupported(`${call.name} without a map file`);
  }
  const resolved = ctx.loaded.maps.get(path);
  const map = resolved?.map;
  if (map === undefined) {
    return unsupported(`map file ${path} was not found (give --map-root or open it)`);
  }
  // Prepared once per loaded map (cached on its entries array), so repeated
  // lookups reuse the compiled regexes and the literal index.
  const hit = prepareMap(map.entries, match).lookup(input);
  if ('unsupported' in hit) {
    return unsupported(`${path} ${hit.unsupported.replace(/cannot simulate: /, '')}`);
  }
  const file = map.file.path;
  if (hit.entry !== undefined) {
    ctx.mapMatches.push({ file, line: hit.entry.line, key: hit.entry.key, value: hit.value });
    ctx.trace.push(step('map', `${call.name} looked up '${input}': line ${hit.entry.line + 1} matched key '${hit.entry.key}' → '${hit.value}'`, { file, line: hit.entry.line, span: hit.entry.span }));
    return value(hit.value);
  }
  if (defaultValue !== undefined) {
    ctx.trace.push(step('map', `${call.name} looked up '${input}' in ${path}: no line matched, default '${defaultValue}'`));
    return value(defaultValue);
  }
  ctx.trace.push(step('map', `${call.name} looked up '${input}' in ${path}: no line matched and there is no default, so the sample is missing`));
  return { kind: 'fail', why: `no line of ${path} matched '${input}'` };
}
