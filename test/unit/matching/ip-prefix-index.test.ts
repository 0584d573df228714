import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMapReachability } from '../../../server/src/analysis/reachability/analyze-map-reachability';
import { matchMap } from '../../../server/src/matching/match-map';
import { buildMapModel } from '../../../server/src/model/build-map';
import { IpPrefixIndex, parseIpAddress, parseIpPrefix, prefixContains, type IpPrefix } from '../../../server/src/matching/ip-prefix';

/** map_ip's choice by its definition: every prefix compared, own family first, longest, then first. */
function plainPick(prefixes: readonly (IpPrefix | undefined)[], addr: IpPrefix): number {
  let best = -1;
  let bestScore = -1;
  prefixes.forEach((p, i) => {
    const score = p === undefined ? -1 : p.bits + (p.family === addr.family ? 1000 : 0);
    if (p !== undefined && score > bestScore && prefixContains(p, addr)) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

// Few distinct values, so random prefixes nest, repeat and collide often.
const octet = fc.constantFrom(0, 1, 10, 127, 128, 255);
const v4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const v6 = fc.oneof(
  fc.constantFrom('::', '::1', '2001:db8::', '2001:db8::1', 'fe80::'),
  v4.map((a) => `::ffff:${a}`),
);
const key = fc.oneof(
  v4,
  fc.tuple(v4, fc.constantFrom(0, 1, 8, 9, 16, 24, 31, 32)).map(([a, n]) => `${a}/${n}`),
  v6,
  fc.tuple(v6, fc.constantFrom(0, 32, 64, 96, 104, 127, 128)).map(([a, n]) => `${a}/${n}`),
  fc.constant('not-an-address'),
);

describe('IpPrefixIndex', () => {
  it('picks what comparing every prefix picks, across families', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 25 }), fc.oneof(v4, v6), (keys, input) => {
        const prefixes = keys.map(parseIpPrefix);
        const addr = parseIpAddress(input) as IpPrefix;
        return new IpPrefixIndex(prefixes).lookup(addr) === plainPick(prefixes, addr);
      }),
      { numRuns: 3000 },
    );
  });

  it('prefers the own family, then the longest prefix, then the first line', () => {
    const index = new IpPrefixIndex(['::ffff:10.0.0.0/120', '10.0.0.0/8', '10.0.0.0/24', '10.0.0.0/24'].map(parseIpPrefix));
    expect(index.lookup(parseIpAddress('10.0.0.7') as IpPrefix)).toBe(2);
    expect(index.lookup(parseIpAddress('::ffff:10.0.0.7') as IpPrefix)).toBe(0);
    expect(index.lookup(parseIpAddress('11.0.0.1') as IpPrefix)).toBe(-1);
  });
});

describe('map_ip reachability', () => {
  it('calls a line unreachable exactly when no address of a small network reaches it, and every witness reaches its line', () => {
    // Every block lies inside 10.0.0.0/28, so its 16 addresses are every input that can reach a line.
    const small = fc.tuple(fc.nat(15), fc.integer({ min: 28, max: 32 })).map(([x, bits]) => `10.0.0.${x}/${bits}`);
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 12 }), (keys) => {
        const map = buildMapModel(keys.map((k, i) => `${k} v${i}`).join('\n') + '\n', '/ip.map');
        const winners = new Set(Array.from({ length: 16 }, (_, a) => matchMap(map.entries, 'ip', `10.0.0.${a}`)).flatMap((r) => ('entry' in r && r.entry ? [r.entry] : [])));
        for (const r of analyzeMapReachability(map.entries, 'ip')) {
          expect(r.kind, `line ${r.entry.line + 1} of ${keys.join(' ')}`).toBe(winners.has(r.entry) ? 'reachable' : 'unreachable');
          if (r.kind === 'reachable') {
            const won = matchMap(map.entries, 'ip', r.witness);
            expect('entry' in won && won.entry).toBe(r.entry);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
