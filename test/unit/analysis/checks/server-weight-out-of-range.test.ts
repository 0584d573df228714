import { describe, expect, it } from 'vitest';
import { checkServerWeightRange } from '../../../../server/src/analysis/checks/server-weight-out-of-range';
import { applyEdits, runCheck, spanText } from '../../../helpers/analyze';

const backend = (line: string): string => `backend b\n    ${line}\n`;
const issuesFor = (line: string) => runCheck(checkServerWeightRange, backend(line));

describe('checkServerWeightRange', () => {
  it.each(['300', '-1', '25%', '2.5', 'abc'])('reports weight %s as out of range', (w) => {
    const text = backend(`server s1 10.0.0.1:80 weight ${w}`);
    const issues = runCheck(checkServerWeightRange, text);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['server/weight-out-of-range', 'error']]);
    expect(spanText(text, issues[0]!)).toBe(w);
  });

  it.each(['0', '1', '75', '256'])('accepts weight %s', (w) => {
    expect(issuesFor(`server s1 10.0.0.1:80 weight ${w}`)).toEqual([]);
  });

  it('says HAProxy refuses a weight above 256 and offers 256', () => {
    const text = backend('server s1 10.0.0.1:80 weight 300');
    const [issue] = runCheck(checkServerWeightRange, text);
    expect(issue?.message).toBe("Weight '300' is above 256: HAProxy refuses weights outside 0 to 256");
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toContain('weight 256');
  });

  it('says what HAProxy silently reads for a percentage', () => {
    const [issue] = issuesFor('server s1 10.0.0.1:80 weight 25%');
    expect(issue?.message).toBe("Weight '25%' is not an integer from 0 to 256 (a weight is not a percentage): HAProxy silently reads it as 25");
    expect(issue?.fixes?.[0]?.title).toBe('Set the weight to 25');
  });

  it('offers no number for a word without digits', () => {
    const [issue] = issuesFor('server s1 10.0.0.1:80 weight abc');
    expect(issue?.message).toContain('reads it as 0, which takes the server out of load balancing');
    expect(issue?.fixes).toBeUndefined();
  });

  it('checks server-template and default-server lines too', () => {
    expect(issuesFor('server-template web 1-3 app.example.com:80 weight 400')).toHaveLength(1);
    expect(issuesFor('default-server weight -5')).toHaveLength(1);
    expect(runCheck(checkServerWeightRange, 'defaults\n    default-server weight 999\n')).toHaveLength(1);
  });

  it('does not read a value of another setting as a weight', () => {
    expect(issuesFor('server s1 10.0.0.1:80 cookie weight')).toEqual([]);
  });

  it('reports a weight keyword with no value', () => {
    expect(issuesFor('server s1 10.0.0.1:80 weight')[0]?.message).toContain('has no value');
  });

  it('is silenced by an ignore comment on the line', () => {
    expect(issuesFor('server s1 10.0.0.1:80 weight 300 # haproxy-migrate: ignore server/weight-out-of-range')).toEqual([]);
  });
});
