import { describe, expect, it } from 'vitest';
import { parseUriOptions, uriKey } from '../../../server/src/balance/uri-key';

const key = (uri: string, ...params: string[]): string => uriKey(uri, parseUriOptions(params));

describe('uriKey', () => {
  it('stops at the question mark unless whole is set', () => {
    expect(key('/url1?ignore=this-arg')).toBe('/url1');
    expect(key('/url1?ignore=this-arg', 'whole')).toBe('/url1?ignore=this-arg');
  });

  it('keeps only the first len characters', () => {
    expect(key('/abcdef', 'len', '4')).toBe('/abc');
  });

  it('stops before the slash that opens level depth+1', () => {
    expect(key('/a/b/c?x', 'depth', '2')).toBe('/a/b');
    expect(key('/a/b', 'depth', '1')).toBe('/a');
  });

  it('applies len and depth together, whichever stops first', () => {
    expect(key('/k12/d0/e', 'len', '6', 'depth', '1')).toBe('/k12');
    expect(key('/k1/d0/e', 'len', '6', 'depth', '2')).toBe('/k1/d0');
  });

  it('hashes absolute URIs from the scheme unless path-only is set', () => {
    expect(key('http://example.com/a?x')).toBe('http://example.com/a');
    expect(key('http://example.com/a?x', 'path-only')).toBe('/a');
    expect(key('/a?x', 'path-only')).toBe('/a');
  });

  it('ignores len and depth without a positive integer', () => {
    expect(parseUriOptions(['len', 'x', 'depth', '0'])).toEqual({ whole: false, pathOnly: false, len: undefined, depth: undefined });
  });
});
