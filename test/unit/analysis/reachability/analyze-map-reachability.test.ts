import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeMapReachability, findWitness, reachabilitySteps } from '../../../../server/src/analysis/reachability/analyze-map-reachability';
import { cachedMapReachability, cachedReachabilitySteps, lineReachability } from '../../../../server/src/analysis/reachability/cached-reachability';
import type { LineReachability } from '../../../../server/src/analysis/reachability/line-reachability';
import { matchMap } from '../../../../server/src/matching/match-map';
import { buildMapModel } from '../../../../server/src/model/build-map';
import type { MapMatch } from '../../../../server/src/model/types';
import { generateRegexMap } from '../../../helpers/generate-map';

const SEED = [
  'application-02\\.6play\\.fr\\/v2\\/critical\\/(\\w{1,45})\\/payments\\/ application-02-mixed-critical',
  'application-02\\.6play\\.fr\\/v2\\/customers\\/ application-02-mixed',
  'application-02\\.6play\\.fr\\/v2\\/ application-02-on-cloud',
  'application-02\\.6play\\.fr\\/v1\\/ application-02-on-prem',
  'application-02\\.6play\\.fr\\/ application-02-on-prem',
];

function analyse(lines: readonly string[], match: MapMatch = 'reg'): { verdicts: string[]; results: LineReachability[] } {
  const map = buildMapModel(`${lines.join('\n')}\n`, '/t.map');
  const results = analyzeMapReachability(map.entries, match);
  for (const r of results) {
    if (r.kind === 'reachable') {
      const won = matchMap(map.entries, match, r.witness);
      expect('entry' in won && won.entry === r.entry, `witness ${r.witness} reaches line ${r.entry.line + 1}`).toBe(true);
    }
  }
  const verdicts = results.map((r) => (r.kind === 'unreachable' ? `unreachable by ${r.coveredBy.map((e) => e.line + 1).join('+') || 'nothing'}` : r.kind));
  return { verdicts, results };
}

describe('analyzeMapReachability', () => {
  it('finds no unreachable line in the seed article map as given', () => {
    expect(analyse(SEED).verdicts).toEqual(Array(5).fill('reachable'));
  });

  it('makes every other seed line unreachable when the catch-all moves to the top', () => {
    const moved = [SEED[4] ?? '', ...SEED.slice(0, 4)];
    expect(analyse(moved).verdicts).toEqual(['reachable', 'unreachable by 1', 'unreachable by 1', 'unreachable by 1', 'unreachable by 1']);
  });

  it('sees a line shadowed by the union of earlier lines', () => {
    expect(analyse(['x[0-4] a', 'x[5-9] b', 'x[0-9] c']).verdicts).toEqual(['reachable', 'reachable', 'unreachable by 1+2']);
  });

  it('keeps a line whose language is only partly covered', () => {
    expect(analyse(['x[0-4] a', 'x[0-9] c']).verdicts).toEqual(['reachable', 'reachable']);
  });

  it('respects anchors: ^/a does not cover /x/a', () => {
    expect(analyse(['^/a a', '/a b']).verdicts).toEqual(['reachable', 'reachable']);
    expect(analyse(['/a a', '^/a/b b']).verdicts).toEqual(['reachable', 'unreachable by 1']);
    // PCRE `$` also matches before a final newline, so `\n?$` still reaches "/a\n\n".
    expect(analyse(['^/a$ a', '^/a\\z b', '^/a\\n?$ c']).verdicts).toEqual(['reachable', 'unreachable by 1', 'reachable']);
  });

  it('treats keys case-sensitively unless (?i) says otherwise', () => {
    expect(analyse(['api a', 'API b']).verdicts).toEqual(['reachable', 'reachable']);
    expect(analyse(['(?i)api a', 'API b']).verdicts).toEqual(['reachable', 'unreachable by 1']);
    expect(analyse(['API a', '(?i)api b']).verdicts).toEqual(['reachable', 'reachable']);
  });

  it('compares bounded repeats exactly', () => {
    expect(analyse(['^/\\w{1,50}$ a', '^/\\w{1,45}$ b']).verdicts).toEqual(['reachable', 'unreachable by 1']);
    expect(analyse(['^/\\w{1,45}$ a', '^/\\w{1,50}$ b']).verdicts).toEqual(['reachable', 'reachable']);
  });

  it('stays silent (undecided, never unreachable) on backreferences it cannot decide', () => {
    const { results } = analyse(['^(\\w+)-\\1$ a', '^(\\w+)-\\1$ b'], 'regm');
    expect(results[1]?.kind).not.toBe('unreachable');
  });

  it('decides counted repeats of any character while their automata stay within the work budget', () => {
    expect(analyse(['.{100} a', '.{100}x b']).verdicts).toEqual(['reachable', 'unreachable by 1']);
  });

  it('gives up on a counted repeat whose automaton sets grow with the count, instead of exhausting memory', () => {
    // An unanchored `.{5000}` determinises into few states that each stand for thousands of NFA nodes.
    const { results } = analyse(['.{5000} a', '.{5000}x b']);
    expect(results.map((r) => r.kind)).toEqual(['reachable', 'undecided']);
  });

  it('reports a regex that matches nothing as unreachable with no covering line', () => {
    expect(analyse(['a\\bb x']).verdicts).toEqual(['unreachable by nothing']);
  });

  it('applies the string-kind rules exactly', () => {
    expect(analyse(['dup a', 'dup b'], 'str').verdicts).toEqual(['reachable', 'unreachable by 1']);
    expect(analyse(['/api a', '/api/v2 b', '/api c'], 'beg').verdicts).toEqual(['reachable', 'reachable', 'unreachable by 1']);
    expect(analyse(['.com a', 'example.com b'], 'end').verdicts).toEqual(['reachable', 'unreachable by 1']);
    expect(analyse(['example.com a', 'www.example.com b', 'example.co c'], 'dom').verdicts).toEqual(['reachable', 'unreachable by 1', 'reachable']);
    expect(analyse(['api a', '/v1/api/ b', '/apis/ c'], 'dir').verdicts).toEqual(['reachable', 'unreachable by 1', 'reachable']);
  });

  it('covers int ranges by unions and ip prefixes by more specific ones', () => {
    expect(analyse(['1:5 a', '6: b', '3:9 c', ':0 d', '0 e'], 'int').verdicts).toEqual(['reachable', 'reachable', 'unreachable by 1+2', 'reachable', 'unreachable by 4']);
    expect(analyse(['10.0.0.0/9 a', '10.128.0.0/9 b', '10.0.0.0/8 c', '10.0.0.0/9 d'], 'ip').verdicts).toEqual(['reachable', 'reachable', 'unreachable by 1+2+4', 'unreachable by 1']);
  });

  it('finds a witness for a reachable line', () => {
    const map = buildMapModel(`${SEED.join('\n')}\n`, '/t.map');
    expect(findWitness(map.entries, 'reg', 0)).toMatch(/^application-02\.6play\.fr\/v2\/critical\/\w+\/payments\/$/);
  });

  it('finds the planted unreachable lines of a generated map', () => {
    const map = buildMapModel(generateRegexMap(300, 7), '/gen.map');
    const results = analyzeMapReachability(map.entries, 'reg');
    const digit = results.filter((r) => r.entry.key.endsWith('\\/v3\\/[0-9]'));
    expect(digit.length).toBeGreaterThan(0);
    expect(digit.every((r) => r.kind === 'unreachable' && r.coveredBy.length === 2)).toBe(true);
    expect(results.some((r) => r.kind === 'undecided')).toBe(false);
  });
});

describe('reachability a step at a time', () => {
  it('gives what a whole analysis gives, and shares one analysis between those who step it', () => {
    const lines = [...SEED, 'application-02\\.6play\\.fr\\/v2\\/customers\\/ application-02-on-prem', '^app-[0-9]+[a-z]*\\/ application-02-on-cloud', '^app-1[a-z]+\\/ application-02-mixed'];
    const map = buildMapModel(`${lines.join('\n')}\n`, '/steps.map');
    const whole = analyzeMapReachability(map.entries, 'reg');
    const steps = reachabilitySteps(map.entries, 'reg');
    let taken = 0;
    let step = steps.next();
    while (step.done !== true) {
      taken++;
      step = steps.next();
    }
    expect(step.value).toEqual(whole);
    // A step per regex compiled, one for the prepared map, one per line.
    expect(taken).toBe(2 * lines.length + 1);

    const shared = cachedReachabilitySteps(map, 'reg');
    shared.next();
    shared.next();
    expect(cachedReachabilitySteps(map, 'reg')).toBe(shared);
    // Whoever asks for the results takes the remaining steps of the same analysis.
    expect(cachedMapReachability(map, 'reg')).toEqual(whole);
    expect(shared.next().done).toBe(true);
    expect(cachedReachabilitySteps(map, 'reg').next().done).toBe(true);
  });
});

describe('lineReachability', () => {
  it('reads the verdict from the analysis of the whole map once it is cached, and works it out alone before', () => {
    const map = buildMapModel(`${[...SEED, 'application-02\\.6play\\.fr\\/v2\\/customers\\/ application-02-on-prem'].join('\n')}\n`, '/line.map');
    const alone = lineReachability(map, 'reg', 5);
    expect(alone?.kind).toBe('unreachable');
    const whole = cachedMapReachability(map, 'reg');
    expect(alone).toEqual(whole[5]);
    expect(lineReachability(map, 'reg', 5)).toBe(whole[5]);
  });
});

const lineOfEntry = (r: LineReachability | undefined): number | undefined => r?.entry.line;

describe('reachability after an edit of the map', () => {
  const stepsOf = (steps: Generator<void, void, void>): number => {
    let n = 0;
    while (steps.next().done !== true) {
      n++;
    }
    return n;
  };

  it('keeps the verdicts of the lines above the first changed key and analyses the others again', () => {
    const lines = [...SEED, 'application-02\\.6play\\.fr\\/v2\\/customers\\/ application-02-on-prem', '^app-[0-9]+[a-z]*\\/ application-02-on-cloud', '^app-1[a-z]+\\/ application-02-mixed'];
    const before = buildMapModel(`${lines.join('\n')}\n`, '/edited.map');
    expect(stepsOf(cachedReachabilitySteps(before, 'reg'))).toBe(2 * lines.length + 1);
    const kept = cachedMapReachability(before, 'reg');
    expect(kept[7]?.kind).toBe('unreachable');
    // A comment above every line, and the last line changed: the first seven keep their verdicts, a line further down.
    const editedLines = [...lines.slice(0, 7), '^app-1[0-9]+\\/ application-02-mixed'];
    const after = buildMapModel(`# edited\n${editedLines.join('\n')}\n`, '/edited.map');
    expect(stepsOf(cachedReachabilitySteps(after, 'reg'))).toBe(lines.length + 1 + 1);
    const results = cachedMapReachability(after, 'reg');
    expect(results).toEqual(analyzeMapReachability(after.entries, 'reg'));
    expect(results.map((r) => r.entry)).toEqual(after.entries);
    expect(results[5]?.kind === 'unreachable' && results[5].coveredBy[0]).toBe(after.entries[1]);
    expect(results[7]?.kind).toBe('unreachable');
    expect(lineOfEntry(results[7])).toBe(8);
  });

  it('gives what a fresh analysis gives, whatever lines are edited, added or removed; a kept witness still picks its line', () => {
    const key = fc.constantFrom('a', 'ab', '^a', 'a[bc]*', '^ab+', 'b$', '[ab]c', 'c', '^(a|b)c', 'a.c', 'x', '^x', 'bx', 'c$');
    const edit = fc.tuple(fc.nat(), fc.nat(2), fc.array(key, { maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 9 }), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.constantFrom<'reg' | 'regm'>('reg', 'regm'), fc.nat(), (keys, edits, match, id) => {
        const path = `/fuzz-${id}.map`;
        const text = (ks: readonly string[]): string => ks.map((k, i) => `${k} v${i}`).join('\n') + '\n';
        cachedMapReachability(buildMapModel(text(keys), path), match);
        let edited = [...keys];
        for (const [at, removed, added] of edits) {
          // One edit at a time, each analysed, as an editor sends them.
          const from = at % (edited.length + 1);
          edited = [...edited.slice(0, from), ...added, ...edited.slice(from + removed)];
          const after = buildMapModel(text(edited), path);
          const kept = cachedMapReachability(after, match);
          const fresh = analyzeMapReachability(after.entries, match);
          // A reachable line below the changed ones may keep the witness it had: any input that picks it will do.
          const withoutWitness = (rs: readonly LineReachability[]): unknown[] => rs.map((r) => (r.kind === 'reachable' ? { kind: r.kind, entry: r.entry } : r));
          expect(withoutWitness(kept)).toEqual(withoutWitness(fresh));
          for (const r of kept) {
            if (r.kind === 'reachable') {
              const picked = matchMap(after.entries, match, r.witness);
              expect('entry' in picked ? picked.entry : undefined).toBe(r.entry);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the verdicts of reachable lines below a changed line whose key does not match their witness', () => {
    const lines = [...SEED, '^app-[0-9]+[a-z]*\\/ application-02-on-cloud', '^app-1[a-z]+\\/ application-02-mixed', 'zzz application-02-on-prem'];
    const before = buildMapModel(`${lines.join('\n')}\n`, '/tail.map');
    const first = cachedMapReachability(before, 'reg');
    const edited = [...lines.slice(0, 2), 'qqq application-02-on-prem', ...lines.slice(3)];
    const after = buildMapModel(`${edited.join('\n')}\n`, '/tail.map');
    expect(first.map((r) => r.kind)).toEqual(['reachable', 'reachable', 'reachable', 'reachable', 'reachable', 'reachable', 'unreachable', 'reachable']);
    // One step per compiled regex, one to prepare the map, one for the changed line and one for the unreachable line below
    // (its proof is worked out again): the reachable lines below keep their verdicts.
    expect(stepsOf(cachedReachabilitySteps(after, 'reg'))).toBe(lines.length + 1 + 1 + 1);
    const results = cachedMapReachability(after, 'reg');
    for (let i = 3; i < lines.length; i++) {
      const was = first[i];
      const now = results[i];
      expect(now?.entry).toBe(after.entries[i]);
      if (was?.kind === 'reachable') {
        expect(now).toEqual({ ...was, entry: after.entries[i] });
      }
    }
  });
});

describe('stopAfter', () => {
  it('ends the analysis after the first verdict it accepts', () => {
    const map = buildMapModel(`${[...SEED, 'application-02\\.6play\\.fr\\/v2\\/ application-02-on-prem', 'zzz application-02-on-prem'].join('\n')}\n`, '/stop.map');
    const all = analyzeMapReachability(map.entries, 'reg');
    expect(all.map((r) => r.kind)).toEqual(['reachable', 'reachable', 'reachable', 'reachable', 'reachable', 'unreachable', 'reachable']);
    const stopped = analyzeMapReachability(map.entries, 'reg', { stopAfter: (r) => r.kind === 'unreachable' });
    expect(stopped).toEqual(all.slice(0, 6));
  });
});
