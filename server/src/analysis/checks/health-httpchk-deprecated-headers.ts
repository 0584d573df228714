import type { Check } from '../check';
import type { Issue, QuickFix } from '../issue';
import { hidesHeaders, httpCheckSendLine } from '../fixes/httpchk-rewrite';
import { lineIndent } from '../fixes/text-edits';
import { perSectionCheck } from '../per-part';
import { lineOf, type SourceFile } from '../../model/source-file';
import type { Directive, Section } from '../../model/types';

/**
 * `health/httpchk-deprecated-headers`: `option httpchk <method> <uri>
 * <version>` with headers hidden in the version word after `\r\n` (the seed's
 * `HTTP/1.1\r\nHost:\ …`). HAProxy 2.6 warns that this is deprecated; the fix
 * rewrites it as `option httpchk` plus an `http-check send` line.
 */
export const checkHttpchkDeprecatedHeaders: Check = perSectionCheck((section, file) => {
  const issues: Issue[] = [];
  // Indexed: for-of steps an iterator, an allocation per directive until V8 optimises the loop, which a first open does not wait for.
  for (let at = 0; at < section.directives.length; at++) {
    const d = section.directives[at] as Directive;
    // The keyword first: destructuring steps an iterator, an allocation per word of every line until V8 optimises this.
    if (d.keyword !== 'option' || d.args[0]?.value !== 'httpchk') {
      continue;
    }
    const [, method, uri, version] = d.args;
    if (!method || !uri || !version || !hidesHeaders(version.value)) {
      continue;
    }
    const fix = rewriteFix(file, section, d, { method: method.value, uri: uri.value, version: version.value });
    issues.push({
      code: 'health/httpchk-deprecated-headers',
      severity: 'warning',
      message: "Headers hidden after the version in 'option httpchk' are deprecated: HAProxy 2.6 warns about them, use 'http-check send' with 'hdr' instead",
      file: file.path,
      span: version.span,
      ...(fix ? { fixes: [fix] } : {}),
    });
  }
  return issues;
});

function rewriteFix(file: SourceFile, section: Section, d: Directive, parts: { method: string; uri: string; version: string }): QuickFix | undefined {
  const send = httpCheckSendLine(parts);
  // A section that already has its own send rule would end up with two: leave that to the user.
  // A fifth word (3.x `<host>` form, or an unescaped space) has no faithful rewrite.
  if (!send || d.args.length > 4 || section.directives.some((o) => o.keyword === 'http-check' && o.args[0]?.value === 'send')) {
    return undefined;
  }
  const indent = lineIndent(file, lineOf(file, d.span.start));
  const comment = d.comment ? ` ${d.comment.text}` : '';
  const lineBreak = file.lineBreak;
  return {
    title: "Rewrite as 'option httpchk' and 'http-check send'",
    edits: [{ file: file.path, span: d.span, newText: `option httpchk${comment}${lineBreak}${indent}${send}` }],
  };
}
