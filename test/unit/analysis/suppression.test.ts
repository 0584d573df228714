import { describe, expect, it } from 'vitest';
import { analyzeInline, applyEdits, CONFIG_PATH } from '../../helpers/analyze';

const MAP = '/etc/haproxy/hosts.map';
const codesOf = (config: string, maps: Record<string, string> = {}): string[] => analyzeInline(config, maps).map((i) => i.code);
const bad = (prefix = '', suffix = ''): string => `backend b\n${prefix}    server s1 10.0.0.1:80 weight 300${suffix}\n`;

describe('suppression comments', () => {
  it('reports the issue when nothing silences it', () => {
    expect(codesOf(bad())).toContain('server/weight-out-of-range');
  });

  it('silences a code with a comment at the end of its line', () => {
    expect(codesOf(bad('', ' # haproxy-migrate: ignore server/weight-out-of-range'))).not.toContain('server/weight-out-of-range');
  });

  it('silences a code with a comment on the line above', () => {
    expect(codesOf(bad('    # haproxy-migrate: ignore server/weight-out-of-range\n'))).not.toContain('server/weight-out-of-range');
  });

  it('accepts several stacked comments above one line', () => {
    const text = 'backend b\n    server s1 10.0.0.1:80\n    # haproxy-migrate: ignore server/weight-out-of-range\n    # haproxy-migrate: ignore server/duplicate-name\n    server s1 10.0.0.2:80 weight 300\n';
    expect(codesOf(text)).toEqual([]);
  });

  it('silences only the codes it names', () => {
    expect(codesOf(bad('    # haproxy-migrate: ignore backend/undefined\n'))).toContain('server/weight-out-of-range');
  });

  it('accepts several codes separated by commas', () => {
    const text = 'backend b\n    server s1 10.0.0.1:80\n    # haproxy-migrate: ignore backend/undefined, server/weight-out-of-range,server/duplicate-name\n    server s1 10.0.0.2:80 weight 300\n';
    expect(codesOf(text)).toEqual([]);
  });

  it('does not let a comment at the end of a line silence the next line', () => {
    const text = 'backend b\n    server s0 10.0.0.9:80 # haproxy-migrate: ignore server/weight-out-of-range\n    server s1 10.0.0.1:80 weight 300\n';
    expect(codesOf(text)).toContain('server/weight-out-of-range');
  });

  it('does not reach two lines down', () => {
    const text = 'backend b\n    # haproxy-migrate: ignore server/weight-out-of-range\n    server s0 10.0.0.9:80\n    server s1 10.0.0.1:80 weight 300\n';
    expect(codesOf(text)).toContain('server/weight-out-of-range');
  });

  it('silences a code in the whole file with ignore-file', () => {
    const text = `# haproxy-migrate: ignore-file server/weight-out-of-range\n${bad()}backend c\n    server s2 10.0.0.2:80 weight -1\n`;
    expect(codesOf(text)).not.toContain('server/weight-out-of-range');
  });

  it('silences a map diagnostic only from a comment in the map file', () => {
    const config = `frontend fe\n    bind :80\n    # haproxy-migrate: ignore backend/undefined\n    use_backend %[req.hdr(host),map_str(${MAP})]\nbackend b\n    server s 10.0.0.1:80\n`;
    expect(codesOf(config, { [MAP]: 'a.fr nowhere\n' })).toContain('backend/undefined');
    expect(codesOf(config, { [MAP]: '# haproxy-migrate: ignore backend/undefined\na.fr nowhere\n' })).not.toContain('backend/undefined');
    expect(codesOf(config, { [MAP]: '# haproxy-migrate: ignore-file backend/undefined\nb.fr b\na.fr nowhere\n' })).not.toContain('backend/undefined');
  });
});

describe('suppression quick fixes', () => {
  it('offers an ignore comment above the line, indented like it, that silences the issue', () => {
    const text = bad();
    const issue = analyzeInline(text).find((i) => i.code === 'server/weight-out-of-range');
    const fix = issue?.fixes?.find((f) => f.title === 'Ignore server/weight-out-of-range on this line');
    const fixed = applyEdits(text, fix?.edits ?? []);
    expect(fixed).toBe('backend b\n    # haproxy-migrate: ignore server/weight-out-of-range\n    server s1 10.0.0.1:80 weight 300\n');
    expect(codesOf(fixed)).not.toContain('server/weight-out-of-range');
  });

  it('keeps an existing ignore comment working when a second one is inserted', () => {
    const text = 'backend b\n    server s1 10.0.0.1:80\n    # haproxy-migrate: ignore server/duplicate-name\n    server s1 10.0.0.2:80 weight 300\n';
    const issue = analyzeInline(text).find((i) => i.code === 'server/weight-out-of-range');
    const fixed = applyEdits(text, issue?.fixes?.find((f) => f.title.endsWith('on this line'))?.edits ?? []);
    expect(codesOf(fixed)).toEqual([]);
  });

  it('offers an ignore-file comment at the top of the file', () => {
    const text = bad();
    const issue = analyzeInline(text).find((i) => i.code === 'server/weight-out-of-range');
    const fix = issue?.fixes?.find((f) => f.title === 'Ignore server/weight-out-of-range in this file');
    expect(fix?.edits[0]?.file).toBe(CONFIG_PATH);
    const fixed = applyEdits(text, fix?.edits ?? []);
    expect(fixed.startsWith('# haproxy-migrate: ignore-file server/weight-out-of-range\nbackend b\n')).toBe(true);
    expect(codesOf(fixed)).not.toContain('server/weight-out-of-range');
  });

  it('puts the quick fixes of a map diagnostic in the map file, after the check fix', () => {
    const config = `frontend fe\n    bind :80\n    use_backend %[req.hdr(host),map_str(${MAP})]\nbackend bk\n    server s 10.0.0.1:80\n`;
    const map = 'a.fr bk\nb.fr bkk\n';
    const issue = analyzeInline(config, { [MAP]: map }).find((i) => i.code === 'backend/undefined');
    expect(issue?.fixes?.map((f) => f.title)).toEqual(["Rename to 'bk'", 'Ignore backend/undefined on this line', 'Ignore backend/undefined in this file']);
    expect(applyEdits(map, issue?.fixes?.[1]?.edits ?? [])).toBe('a.fr bk\n# haproxy-migrate: ignore backend/undefined\nb.fr bkk\n');
  });
});
