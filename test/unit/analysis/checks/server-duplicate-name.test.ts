import { describe, expect, it } from 'vitest';
import { checkDuplicateServerNames } from '../../../../server/src/analysis/checks/server-duplicate-name';
import { applyEdits, positionIn, runCheck, spanText } from '../../../helpers/analyze';

describe('checkDuplicateServerNames', () => {
  it('reports the second server with a name already used in the backend', () => {
    const text = 'backend b\n    server s1 10.0.0.1:80\n    server s1 10.0.0.2:80\n';
    const issues = runCheck(checkDuplicateServerNames, text);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['server/duplicate-name', 'error']]);
    expect(issues[0]?.message).toBe("Server name 's1' is already used by an earlier server of backend 'b': HAProxy refuses duplicate server names in a backend");
    expect(issues[0]?.span.start).toBe(positionIn(text, text.lastIndexOf('s1')));
    expect(issues[0]?.related?.[0]?.span.start).toBe(positionIn(text, text.indexOf('s1')));
  });

  it('offers a rename to a free name', () => {
    const text = 'backend b\n    server s1 10.0.0.1:80\n    server s1-2 10.0.0.3:80\n    server s1 10.0.0.2:80\n';
    const [issue] = runCheck(checkDuplicateServerNames, text);
    expect(issue?.fixes?.[0]?.title).toBe("Rename to 's1-3'");
    expect(applyEdits(text, issue?.fixes?.[0]?.edits ?? [])).toContain('server s1-3 10.0.0.2:80');
  });

  it('counts names created by server-template', () => {
    const text = 'backend b\n    server-template web 1-3 app.example.com:80\n    server web2 10.0.0.2:80\n';
    const issues = runCheck(checkDuplicateServerNames, text);
    expect(issues).toHaveLength(1);
    expect(spanText(text, issues[0]!)).toBe('web2');
  });

  it('reports a template line that repeats names once, not once per server it creates', () => {
    const text = 'backend b\n    server-template web 1-100 app.example.com:80\n    server-template web 50-150 app2.example.com:80\n';
    const issues = runCheck(checkDuplicateServerNames, text);
    expect(issues.map((i) => i.message)).toEqual(["Server name 'web50' is already used by an earlier server of backend 'b': HAProxy refuses duplicate server names in a backend"]);
  });

  it('offers distinct free names to many repeats of one name', () => {
    const text = `backend b\n${'    server s 10.0.0.1:80\n'.repeat(5)}`;
    expect(runCheck(checkDuplicateServerNames, text).map((i) => i.fixes?.[0]?.title)).toEqual(["Rename to 's-2'", "Rename to 's-3'", "Rename to 's-4'", "Rename to 's-5'"]);
  });

  it('accepts the same name in two backends', () => {
    expect(runCheck(checkDuplicateServerNames, 'backend a\n    server s1 10.0.0.1:80\nbackend b\n    server s1 10.0.0.1:80\n')).toEqual([]);
  });

  it('accepts the same name in two branches of one .if block', () => {
    const text = 'backend b\n.if defined(A)\n    server s1 10.0.0.1:80\n.else\n    server s1 10.0.0.2:80\n.endif\n';
    expect(runCheck(checkDuplicateServerNames, text)).toEqual([]);
  });

  it('is silenced by an ignore comment on the line above', () => {
    const text = 'backend b\n    server s1 10.0.0.1:80\n    # haproxy-migrate: ignore server/duplicate-name\n    server s1 10.0.0.2:80\n';
    expect(runCheck(checkDuplicateServerNames, text)).toEqual([]);
  });
});
