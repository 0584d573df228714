import { describe, expect, it } from 'vitest';
import { parseLogFormat, parseSampleExpression } from '../../../server/src/parser/sample-expression';

describe('sample expressions', () => {
  it('splits a fetch and its converter chain with arguments and spans', () => {
    const text = 'base,map_reg(/etc/haproxy/domain2backend.map,bk_default)';
    const e = parseSampleExpression(text).expression;
    expect(e?.fetch.name).toBe('base');
    expect(e?.converters.map((c) => [c.name, c.args])).toEqual([['map_reg', ['/etc/haproxy/domain2backend.map', 'bk_default']]]);
    const arg = e?.converters[0]?.argSpans[1];
    expect(text.slice(arg?.start, arg?.end)).toBe('bk_default');
  });

  it('unquotes second-level arguments and keeps commas inside quotes', () => {
    const e = parseSampleExpression(`req.hdr(host),regsub(":[0-9]+$",''),map_str(/m,"a,b")`).expression;
    expect(e?.converters.map((c) => c.args)).toEqual([[':[0-9]+$', ''], ['/m', 'a,b']]);
  });

  it('reports a missing closing parenthesis instead of throwing', () => {
    const r = parseSampleExpression('map(/x');
    expect(r.expression).toBeUndefined();
    expect(r.error?.message).toContain("Missing ')'");
  });

  it('splits a log-format string into literals, samples and variables', () => {
    const parts = parseLogFormat('be_%[req.hdr(host),lower]_%{+Q}[path]%%x%s');
    expect(parts.map((p) => p.kind)).toEqual(['literal', 'sample', 'literal', 'sample', 'literal', 'variable']);
    expect(parts[4]).toMatchObject({ kind: 'literal', text: '%x' });
  });

  it('reports an unclosed %[ as a sample error', () => {
    const [part] = parseLogFormat('%[base,lower');
    expect(part?.kind === 'sample' && part.error?.message).toContain("Missing ']'");
  });
});
