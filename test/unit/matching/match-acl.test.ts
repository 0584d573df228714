import { describe, expect, it } from 'vitest';
import { matchAclPattern } from '../../../server/src/matching/match-acl';

describe('matchAclPattern', () => {
  it('matches string methods, folding ASCII case only with -i', () => {
    expect(matchAclPattern('beg', ['/api'], '/API/x', { ignoreCase: false })).toBe(false);
    expect(matchAclPattern('beg', ['/api'], '/API/x', { ignoreCase: true })).toBe(true);
    expect(matchAclPattern('end', ['.js'], 'a.js', { ignoreCase: false })).toBe(true);
    expect(matchAclPattern('sub', ['x', 'min'], 'a.min.js', { ignoreCase: false })).toBe(true);
    expect(matchAclPattern('dom', ['example.com'], 'www.example.com', { ignoreCase: false })).toBe(true);
    expect(matchAclPattern('dir', ['img'], '/static/img/a.png', { ignoreCase: false })).toBe(true);
  });

  it('compiles reg patterns caseless under -i', () => {
    expect(matchAclPattern('reg', ['^/API'], '/api', { ignoreCase: true })).toBe(true);
    expect(matchAclPattern('reg', ['^/API'], '/api', { ignoreCase: false })).toBe(false);
  });

  it('compares len and int with ranges and operators', () => {
    expect(matchAclPattern('len', ['gt', '3'], 'abcd', { ignoreCase: false })).toBe(true);
    expect(matchAclPattern('int', ['1:5'], '7', { ignoreCase: false })).toBe(false);
    expect(matchAclPattern('int', ['le', '7'], 7, { ignoreCase: false })).toBe(true);
  });

  it('matches addresses in networks', () => {
    expect(matchAclPattern('ip', ['10.0.0.0/8', '192.168.0.0/16'], '192.168.1.1', { ignoreCase: false })).toBe(true);
  });

  it('never matches a failed fetch, and found/bool report presence and truth', () => {
    expect(matchAclPattern('str', ['x'], undefined, { ignoreCase: false })).toBe(false);
    expect(matchAclPattern('found', [], '', { ignoreCase: false })).toBe(true);
    expect(matchAclPattern('found', [], undefined, { ignoreCase: false })).toBe(false);
    expect(matchAclPattern('bool', [], 0, { ignoreCase: false })).toBe(false);
    expect(matchAclPattern('bool', [], true, { ignoreCase: false })).toBe(true);
  });
});
