import { describe, expect, it } from 'vitest';
import { checkUnreachableMapLines } from '../../../../server/src/analysis/checks/unreachable-map-lines';
import { applyEdits, positionIn, runCheck, textOf } from '../../../helpers/analyze';

const MAP = '/etc/haproxy/domain2backend.map';
const CONFIG = `frontend application-02
    mode http
    bind :80
    use_backend %[base,map_reg(${MAP},bk_default)]
backend bk_default
    server s 127.0.0.1:80
`;
const SEED = [
  '#HOST Header  #HAP backend_name',
  'application-02\\.6play\\.fr\\/v2\\/critical\\/(\\w{1,45})\\/payments\\/ application-02-mixed-critical',
  'application-02\\.6play\\.fr\\/v2\\/customers\\/ application-02-mixed',
  'application-02\\.6play\\.fr\\/v2\\/ application-02-on-cloud',
  'application-02\\.6play\\.fr\\/v1\\/ application-02-on-prem',
  '',
  '# Catch ALL for application-02.6play.fr',
  'application-02\\.6play\\.fr\\/ application-02-on-prem',
  '',
].join('\n');

describe('checkUnreachableMapLines', () => {
  it('accepts the seed article map in its given order', () => {
    expect(runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: SEED })).toEqual([]);
  });

  it('reports a specific path placed after the catch-all, on the map file, naming the usage', () => {
    const text = `${SEED}application-02\\.6play\\.fr\\/v3\\/ application-02-on-cloud\n`;
    const issues = runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: text });
    expect(issues.map((i) => [i.code, i.severity, i.file])).toEqual([['map/unreachable-line', 'warning', MAP]]);
    expect(issues[0]?.message).toBe('Line 9 can never match for map_reg in frontend application-02: every input it matches is matched first by line 8');
    expect(issues[0]?.related?.[0]?.span.start).toBe(positionIn(text, text.indexOf('application-02\\.6play\\.fr\\/ ')));
    expect(textOf(text, issues[0]?.span)).toBe('application-02\\.6play\\.fr\\/v3\\/ application-02-on-cloud');
  });

  it('offers deleting the line and moving it above the covering line', () => {
    const text = `${SEED}application-02\\.6play\\.fr\\/v3\\/ application-02-on-cloud\n`;
    const [issue] = runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: text });
    expect(issue?.fixes?.map((f) => f.title)).toEqual(['Delete line 9', 'Move line 9 above line 8']);
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toBe(SEED);
    const moved = applyEdits(text, issue?.fixes?.[1]?.edits ?? []);
    expect(moved.split('\n')[7]).toBe('application-02\\.6play\\.fr\\/v3\\/ application-02-on-cloud');
    expect(runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: moved })).toEqual([]);
  });

  it('does not offer a move that would shadow another line', () => {
    // Line 4 is covered by lines 1 and 3; above line 1 it would take every input of line 1.
    const issues = runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: 'x a\ny1 b\ny c\n[xy] d\n' });
    expect(issues.map((i) => i.message)).toEqual(['Line 4 can never match for map_reg in frontend application-02: every input it matches is matched first by lines 1, 3']);
    expect(issues[0]?.fixes?.map((f) => f.title)).toEqual(['Delete line 4']);
  });

  it('does not offer moving a duplicate above its twin', () => {
    const issues = runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: 'a x\nb y\nc z\na w\n' });
    expect(issues.map((i) => i.message)).toEqual(['Line 4 can never match for map_reg in frontend application-02: every input it matches is matched first by line 1']);
    expect(issues[0]?.fixes?.map((f) => f.title)).toEqual(['Delete line 4']);
  });

  it('reports regexes PCRE2 rejects as errors', () => {
    const issues = runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: 'ok a\n(broken b\n' });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['map/bad-regex', 'error']]);
    expect(issues[0]?.message).toMatch(/^Line 2: invalid regex: missing closing parenthesis/);
  });

  it('says when a line cannot be simulated', () => {
    const issues = runCheck(checkUnreachableMapLines, CONFIG, { [MAP]: 'a(?R) x\nb y\n' });
    expect(issues.map((i) => i.code)).toContain('map/cannot-decide');
  });
});
