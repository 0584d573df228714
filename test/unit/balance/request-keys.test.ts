import { describe, expect, it } from 'vitest';
import { headerKey, queryOf, urlParamValue } from '../../../server/src/balance/request-keys';

describe('urlParamValue', () => {
  it('finds the first name=value pair separated by &', () => {
    expect(urlParamValue('a=1&id=42&id=7', 'id')).toBe('42');
    expect(urlParamValue('id&id=9', 'id')).toBe('9');
  });

  it('keeps ; inside the value and matches names case-sensitively', () => {
    expect(urlParamValue('id=4;b=2', 'id')).toBe('4;b=2');
    expect(urlParamValue('a=1;id=4', 'id')).toBeUndefined();
    expect(urlParamValue('ID=4', 'id')).toBeUndefined();
  });

  it('treats an empty value as present and a bare name as absent', () => {
    expect(urlParamValue('id=', 'id')).toBe('');
    expect(urlParamValue('id', 'id')).toBeUndefined();
  });

  it('extracts the query of a request target', () => {
    expect(queryOf('/p?a=1')).toBe('a=1');
    expect(queryOf('/p')).toBeUndefined();
  });
});

describe('headerKey', () => {
  it('uses the first comma-separated value of the first occurrence, trimmed', () => {
    expect(headerKey(['k1, k2', 'k3'], false)).toBe('k1');
    expect(headerKey([' k1 '], false)).toBe('k1');
  });

  it('reports absent and blank headers as missing', () => {
    expect(headerKey(undefined, false)).toBeUndefined();
    expect(headerKey(['  '], false)).toBeUndefined();
  });

  it('reduces a host to the label before the last dot with use_domain_only', () => {
    expect(headerKey(['haproxy.1wt.eu'], true)).toBe('1wt');
    expect(headerKey(['www.example.com:8080'], true)).toBe('example');
    expect(headerKey(['example.com.'], true)).toBe('com');
    expect(headerKey(['localhost:8080'], true)).toBe('localhost:8080');
  });
});
