import type { Check, CheckContext } from './check';
import { ALL_CHECKS } from './checks';
import type { Issue } from './issue';
import { addSuppressionFixes, applySuppressions, type CommentLine, type SuppressionSource } from './suppression';
import type { SourceFile } from '../model/source-file';
import type { Directive } from '../model/types';

/**
 * Runs every check and returns model issues, map issues and check issues,
 * minus the suppressed ones. A check that throws is a bug: it is reported as
 * an issue on the config instead of taking the whole analysis down.
 * With `files` 'config', map files are left unread: neither their own issues
 * nor their suppression comments are gathered (the checks must not report
 * on them either).
 */
export function runChecks(ctx: CheckContext, checks: readonly Check[] = ALL_CHECKS, files: 'all' | 'config' = 'all'): Issue[] {
  const issues: Issue[] = [...ctx.config.issues];
  const withMaps = files === 'all';
  for (const m of withMaps ? ctx.maps.values() : []) {
    if (m.map) {
      issues.push(...m.map.issues);
    }
  }
  for (const check of checks) {
    if (ctx.signal?.aborted) {
      break;
    }
    for (const issue of runOne(check, ctx)) {
      issues.push(issue);
    }
  }
  const sources = suppressionSources(ctx, withMaps);
  return addSuppressionFixes(applySuppressions(dedupe(issues), sources), sources);
}

function runOne(check: Check, ctx: CheckContext): Issue[] {
  try {
    return check(ctx);
  } catch (e) {
    // A bug in one check must not hide every other diagnostic.
    const reason = e instanceof Error ? e.message : String(e);
    return [{ code: 'internal/check-failed', severity: 'info', message: `A check failed on this file and was skipped (${check.name || 'anonymous check'}: ${reason}); please report it`, file: ctx.config.file.path, span: { start: 0, end: 0 } }];
  }
}

function suppressionSources(ctx: CheckContext, withMaps: boolean): Map<string, SuppressionSource> {
  const out = new Map<string, SuppressionSource>();
  const add = (file: SourceFile, comments: CommentLine[]): void => {
    out.set(file.path, { file, comments });
  };
  const cfg = ctx.config;
  const comments: CommentLine[] = [...cfg.comments];
  // Indexed loops here: for-of steps an iterator, an allocation per item until V8 optimises the loop, and a first open runs it for every line, word or token.
  for (let at = 0; at < cfg.directives.length; at++) {
    const d = cfg.directives[at] as Directive;
    if (d.comment) {
      comments.push({ span: d.comment.span, text: d.comment.text, trailing: true });
    }
  }
  add(cfg.file, comments);
  for (const m of withMaps ? ctx.maps.values() : []) {
    if (m.map) {
      add(m.map.file, [...m.map.comments]);
    }
  }
  return out;
}

function dedupe(issues: Issue[]): Issue[] {
  // Position first (a number: no key to build), then code, file and message.
  const seen = new Map<number, Issue[]>();
  return issues.filter((i) => {
    const same = seen.get(i.span.start);
    if (!same) {
      seen.set(i.span.start, [i]);
      return true;
    }
    if (same.some((o) => o === i || (o.span.end === i.span.end && o.code === i.code && o.file === i.file && o.message === i.message))) {
      return false;
    }
    same.push(i);
    return true;
  });
}
