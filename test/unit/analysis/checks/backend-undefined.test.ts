import { describe, expect, it } from 'vitest';
import type { Check } from '../../../../server/src/analysis/check';
import { checkUndefinedBackends, checkUndefinedMapValues } from '../../../../server/src/analysis/checks/backend-undefined';
import { applyEdits, lineNumber, runCheck, spanText } from '../../../helpers/analyze';

const MAP = '/etc/haproxy/domain2backend.map';
const backends = 'backend application-02-on-prem\n    server s1 10.0.0.1:80\nbackend application-02-on-cloud\n    server s2 10.0.0.2:80\nbackend bk_default\n    server s3 10.0.0.3:80\n';
const dynamicFrontend = (dflt = 'bk_default'): string => `frontend fe\n    bind :80\n    use_backend %[base,map_reg(${MAP},${dflt})]\n${backends}`;

/** Both halves of `backend/undefined`: names written in the config, and map values. */
const undefinedAnywhere: Check = (ctx) => [...checkUndefinedBackends(ctx), ...checkUndefinedMapValues(ctx)];

describe('backend/undefined', () => {
  it('reports a static use_backend name and suggests the closest backend', () => {
    const text = `frontend fe\n    use_backend application-02-on-clod if { path_beg /v2 }\n${backends}`;
    const issues = runCheck(undefinedAnywhere, text);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['backend/undefined', 'error']]);
    expect(spanText(text, issues[0]!)).toBe('application-02-on-clod');
    expect(issues[0]?.message).toBe("Backend 'application-02-on-clod' named by use_backend is not defined: no backend or listen section has this name, so HAProxy refuses to start (did you mean 'application-02-on-cloud'?)");
    expect(applyEdits(text, issues[0]?.fixes?.[0]?.edits ?? [])).toContain('use_backend application-02-on-cloud if');
  });

  it('treats names as case-sensitive and says so', () => {
    const issues = runCheck(undefinedAnywhere, `frontend fe\n    default_backend BK_DEFAULT\n${backends}`);
    expect(issues[0]?.message).toContain("(names are case-sensitive: did you mean 'bk_default'?)");
  });

  it('accepts names of backend and listen sections', () => {
    const text = `frontend fe\n    use_backend bk_default if { path_beg /a }\n    default_backend lst\n${backends}listen lst\n    bind :81\n    server s 10.0.0.9:80\n`;
    expect(runCheck(undefinedAnywhere, text)).toEqual([]);
  });

  it('does not accept a frontend name', () => {
    const issues = runCheck(undefinedAnywhere, `frontend fe\n    default_backend other\nfrontend other\n    bind :81\n${backends}`);
    expect(issues[0]?.message).toContain('it is a frontend, and only backend and listen sections can be selected');
  });

  it('reports a map value on the map file, at the value, with its 1-based line', () => {
    const map = 'application-02\\.6play\\.fr\\/v2\\/ application-02-on-cloud\n# comment\napplication-02\\.6play\\.fr\\/ application-02-onprem\n';
    const issues = runCheck(undefinedAnywhere, dynamicFrontend(), { [MAP]: map });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe(MAP);
    expect(lineNumber(map, issues[0]!)).toBe(3);
    expect(spanText(map, issues[0]!)).toBe('application-02-onprem');
    expect(issues[0]?.message).toBe("Map value 'application-02-onprem' is not a defined backend: no backend or listen section has this name, so requests that reach this line get a 503 from frontend 'fe' (did you mean 'application-02-on-prem'?)");
    expect(issues[0]?.fixes?.[0]?.edits[0]?.file).toBe(MAP);
    expect(applyEdits(map, issues[0]?.fixes?.[0]?.edits ?? [])).toContain('application-02-on-prem\n');
  });

  it('says a frontend with default_backend falls back to it', () => {
    const text = dynamicFrontend().replace('    bind :80\n', '    bind :80\n    default_backend bk_default\n');
    const issues = runCheck(undefinedAnywhere, text, { [MAP]: 'x nowhere\n' });
    expect(issues[0]?.message).toContain("requests that reach this line fall back to default_backend 'bk_default'");
  });

  it('accepts map values that all name backends', () => {
    expect(runCheck(undefinedAnywhere, dynamicFrontend(), { [MAP]: 'a application-02-on-prem\nb bk_default\n' })).toEqual([]);
  });

  it('still suggests the renamed backend for each of thousands of map values named in an old scheme', () => {
    // 1,500 missing names against 1,000 backends: past the comparisons compared in full, suggestions come from nearby names.
    const numbers = Array.from({ length: 1000 }, (_, n) => String(n).padStart(4, '0'));
    const config = `frontend fe\n    bind :80\n    use_backend %[base,map_reg(${MAP},bk_default)]\nbackend bk_default\n    server d 10.0.0.2:80\n` + numbers.map((n) => `backend app-${n}-cloud\n    server s 10.0.0.1:80\n`).join('');
    const values = Array.from({ length: 1500 }, (_, i) => `app_${numbers[(i * 7) % 1000]}_cloud`);
    const map = values.map((v, i) => `^/p${i}/ ${v}\n`).join('');
    const issues = runCheck(undefinedAnywhere, config, { [MAP]: map });
    expect(issues).toHaveLength(1500);
    const renamed = values.map((v) => v.replaceAll('_', '-'));
    expect(issues.map((i) => i.fixes?.[0]?.edits[0]?.newText)).toEqual(renamed);
    expect(issues[1]?.message).toContain(`(did you mean '${renamed[1]}'?)`);
  });

  it('reports a converter default value that names no backend', () => {
    const text = dynamicFrontend('bk_defualt');
    const issues = runCheck(undefinedAnywhere, text, { [MAP]: 'a bk_default\n' });
    expect(issues.map((i) => spanText(text, i))).toEqual(['bk_defualt']);
    expect(issues[0]?.message).toContain('requests that match no map line get a 503 from frontend');
  });

  it('keeps literal text around the map value when building the name', () => {
    const text = `frontend fe\n    use_backend application-02-%[base,map_beg(${MAP})]\n${backends}`;
    const map = '/a on-prem\n/b on-clod\n';
    const issues = runCheck(undefinedAnywhere, text, { [MAP]: map });
    expect(issues.map((i) => spanText(map, i))).toEqual(['on-clod']);
    expect(applyEdits(map, issues[0]?.fixes?.[0]?.edits ?? [])).toBe('/a on-prem\n/b on-cloud\n');
  });

  it('does not follow a map whose value is transformed after the lookup', () => {
    const text = `frontend fe\n    use_backend %[base,map_beg(${MAP}),lower]\n${backends}`;
    expect(runCheck(undefinedAnywhere, text, { [MAP]: '/a NOPE\n' })).toEqual([]);
  });

  it('is silenced by an ignore comment above the map line', () => {
    const map = '# haproxy-migrate: ignore backend/undefined\nx nowhere\n';
    expect(runCheck(undefinedAnywhere, dynamicFrontend(), { [MAP]: map })).toEqual([]);
  });
});
