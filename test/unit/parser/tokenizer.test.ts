import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { lineOf } from '../../../server/src/model/source-file';
import { unescapeWord } from '../../../server/src/parser/words';
import { directivesOf, wordValues } from '../../helpers/words';
import { textOf } from '../../helpers/analyze';

const codes = (text: string): string[] => buildConfigModel(text, '/t/haproxy.cfg').issues.map((i) => i.code);

describe('config tokenizer: lines, words, comments (reference §1.2)', () => {
  it('splits words on runs of blanks and tabs', () => {
    expect(wordValues('  server \t s1   1.2.3.4:80\tweight 3')).toEqual(['server', 's1', '1.2.3.4:80', 'weight', '3']);
  });

  it('starts a comment at an unquoted # even inside a word', () => {
    expect(wordValues('server s1 foo#bar baz')).toEqual(['server', 's1', 'foo']);
  });

  it('keeps a # inside double or single quotes and after a backslash', () => {
    expect(wordValues('x "a#b" \'c#d\' e\\#f')).toEqual(['x', 'a#b', 'c#d', 'e#f']);
  });

  it('concatenates adjacent quoted and bare pieces into one word', () => {
    expect(wordValues(`x "a"'b'c`)).toEqual(['x', 'abc']);
  });

  it('keeps an empty quoted word and cuts the arguments there, as 2.6 does', () => {
    const d = directivesOf('backend b\nserver s1 1.2.3.4:1 "" weight 300\n')[1];
    expect(d?.words.map((w) => w.value)).toEqual(['server', 's1', '1.2.3.4:1', '', 'weight', '300']);
    expect(d?.args.map((w) => w.value)).toEqual(['s1', '1.2.3.4:1']);
    expect(codes('backend b\nserver s1 1.2.3.4:1 "" weight 300\n')).toContain('directive/empty-word');
  });

  it('treats a trailing backslash as a literal character, not a line continuation', () => {
    expect(wordValues('x a\\')).toEqual(['x', 'a\\']);
    expect(directivesOf('backend b\nx a\\\ny b\n').map((d) => d.keyword)).toEqual(['backend', 'x', 'y']);
  });

  it('reads CRLF and lone CR line ends', () => {
    expect(directivesOf('backend b\r\nx 1\ry 2\r\n').map((d) => d.keyword)).toEqual(['backend', 'x', 'y']);
  });

  it('reports more than 64 words on a line', () => {
    const many = Array.from({ length: 65 }, (_, i) => `w${i}`).join(' ');
    expect(codes(`backend b\n${many}\n`)).toContain('syntax/too-many-words');
    expect(codes(`backend b\n${Array.from({ length: 64 }, (_, i) => `w${i}`).join(' ')}\n`)).not.toContain('syntax/too-many-words');
  });

  it('reports a missing line break at the end of the file with a fix', () => {
    const issue = buildConfigModel('global\n  daemon', '/t/h.cfg').issues.find((i) => i.code === 'syntax/missing-final-newline');
    expect(issue?.fixes?.[0]?.edits[0]?.newText).toBe('\n');
  });
});

describe('config tokenizer: quoting and escapes (reference §1.3)', () => {
  it('processes escapes unquoted and inside double quotes but not inside single quotes', () => {
    expect(unescapeWord('a\\ b', 0).value).toBe('a b');
    expect(unescapeWord('"a\\tb"', 0).value).toBe('a\tb');
    expect(unescapeWord("'a\\tb'", 0).value).toBe('a\\tb');
  });

  it('turns every documented escape into its character', () => {
    expect(unescapeWord('\\ \\\\\\t\\n\\r\\#\\\'\\"\\x41', 0).value).toBe(' \\\t\n\r#\'"A');
  });

  it('keeps a backslash before any other character (regex back-references survive)', () => {
    expect(unescapeWord('\\1\\.\\/', 0).value).toBe('\\1\\.\\/');
  });

  it('keeps an unquoted \\$ as both characters and makes a quoted one a dollar', () => {
    expect(unescapeWord('\\$x', 0).value).toBe('\\$x');
    expect(unescapeWord('"\\$x"', 0).value).toBe('$x');
  });

  it('reports a malformed \\x escape', () => {
    expect(unescapeWord('\\xZZ', 0).problems.map((p) => p.code)).toEqual(['syntax/bad-escape']);
  });

  it('reports an unterminated quote as a syntax error and keeps modelling the next lines', () => {
    const model = buildConfigModel('backend b\n  server s1 "1.2.3.4:80\nbackend c\n  server s2 1.2.3.4:80\n', '/t/h.cfg');
    expect(model.issues.map((i) => i.code)).toContain('syntax/unterminated-quote');
    expect(model.proxies.map((p) => p.name)).toEqual(['b', 'c']);
    expect(model.proxies[1]?.servers[0]?.name).toBe('s2');
  });

  it('records the raw text, the value and the span of every word', () => {
    const text = 'backend b\n  x "a b"\n';
    const w = directivesOf(text)[1]?.words[1];
    expect(w?.raw).toBe('"a b"');
    expect(w?.value).toBe('a b');
    expect(textOf(text, w?.span)).toBe('"a b"');
  });
});

describe('config tokenizer: environment variables (reference §1.4)', () => {
  it('expands known variables only inside double quotes', () => {
    const env = (n: string): string | undefined => (n === 'PORT' ? '8080' : undefined);
    expect(unescapeWord('"${PORT}"', 0, env).value).toBe('8080');
    expect(unescapeWord('"$PORT"', 0, env).value).toBe('8080');
    expect(unescapeWord('$PORT', 0, env).value).toBe('$PORT');
    expect(unescapeWord("'$PORT'", 0, env).value).toBe('$PORT');
  });

  it('uses ${NAME-default} when the variable is unknown and keeps unknown ones as written', () => {
    expect(unescapeWord('"${NOPE-80}"', 0).value).toBe('80');
    expect(unescapeWord('"${NOPE}"', 0).value).toBe('${NOPE}');
    expect(unescapeWord('"${NOPE-80}"', 0).envRefs).toEqual([{ name: 'NOPE', defaultValue: '80', span: { start: 1, end: 11 } }]);
  });

  it('reports a $ followed by a forbidden character inside double quotes', () => {
    expect(unescapeWord('"^/a$"', 0).problems.map((p) => p.code)).toEqual(['syntax/bad-env-var']);
    expect(codes("backend b\n  acl a path_reg '^/a$'\n")).not.toContain('syntax/bad-env-var');
  });
});

describe('config tokenizer: conditional blocks and messages (reference §1.5)', () => {
  it('models both branches of .if/.else and remembers the condition', () => {
    const model = buildConfigModel('backend b\n.if defined(CLOUD)\n  server c 1.2.3.4:80\n.else\n  server o 1.2.3.5:80\n.endif\n', '/t/h.cfg');
    const servers = model.proxies[0]?.servers ?? [];
    expect(servers.map((s) => s.name)).toEqual(['c', 'o']);
    expect(servers[0]?.directive.conditional[0]).toMatchObject({ condition: 'defined(CLOUD)', branch: 'if' });
    expect(servers[1]?.directive.conditional[0]).toMatchObject({ branch: 'else' });
    const lines = model.conditionals.map((c) => ({ condition: c.condition, start: lineOf(model.file, c.start.start), end: c.end && lineOf(model.file, c.end.start) }));
    expect(lines).toEqual([{ condition: 'defined(CLOUD)', start: 1, end: 5 }]);
    expect(servers.map((s) => s.directive.conditional[0]?.blockStart)).toEqual([model.conditionals[0]?.start.start, model.conditionals[0]?.start.start]);
  });

  it('tracks nested blocks', () => {
    const model = buildConfigModel('backend b\n.if 1\n.if 0\n  x y\n.endif\n.endif\n', '/t/h.cfg');
    expect(model.directives.find((d) => d.keyword === 'x')?.conditional.map((c) => c.condition)).toEqual(['1', '0']);
  });

  it('reports an .if that is never closed and an .endif without .if', () => {
    expect(codes('backend b\n.if 1\n')).toContain('syntax/unbalanced-conditional');
    expect(codes('backend b\n.endif\n')).toContain('syntax/unbalanced-conditional');
  });

  it('does not treat message directives as unknown keywords', () => {
    expect(codes('global\n.notice "hello world"\n.warning "w"\n')).toEqual([]);
  });
});
