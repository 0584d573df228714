/*
 * Quick fixes: every fix the issue behind a diagnostic carries (found by
 * code and range in the current analysis, never by message text), plus a
 * fallback "suppress" that adds `# haproxy-migrate: ignore <code>` above
 * the line when the issue has no ignore fix of its own.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { pathToUri } from '../document-cache';
import type { Issue, QuickFix, SourceFile } from '../engine';
import { fileLookup } from './diagnostics';
import { toRange } from './convert';
import type { DocumentView } from './project';

function fixAction(fix: QuickFix, diagnostic: Diagnostic, fileOf: (p: string) => SourceFile | undefined): CodeAction | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of fix.edits) {
    const file = fileOf(e.file);
    if (!file) {
      return undefined;
    }
    (changes[pathToUri(e.file)] ??= []).push({ range: toRange(file, e.span), newText: e.newText });
  }
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes } };
}

/** Inserts the ignore comment above the diagnostic's line, indented like it (map comments start in column 0). */
function suppressAction(uri: string, file: SourceFile, diagnostic: Diagnostic, isMap: boolean): CodeAction {
  const line = diagnostic.range.start.line;
  const start = file.lineStarts[line] ?? 0;
  const indent = isMap ? '' : (/^[ \t]*/.exec(file.text.slice(start)) ?? [''])[0];
  const code = String(diagnostic.code);
  return {
    title: `Suppress ${code} on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# haproxy-migrate: ignore ${code}\n` }] } },
  };
}

/** Issues located in the document: its own, or, for a map, those every using config found in it. */
function issuesIn(view: DocumentView): readonly Issue[] {
  return view.kind === 'config' ? view.doc.configIssues : view.uses.flatMap((u) => u.doc.issues.filter((i) => i.file === view.path));
}

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** Code actions for the diagnostics the client sends in the request context. */
export function provideCodeActions(view: DocumentView, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const lookups = view.kind === 'config' ? [fileLookup(view.doc)] : view.uses.map((u) => fileLookup(u.doc));
  const fileOf = (p: string): SourceFile | undefined => (view.kind === 'map' && p === view.path ? view.map?.file : undefined) ?? lookups.reduce<SourceFile | undefined>((found, lookup) => found ?? lookup(p), undefined);
  const own = view.kind === 'config' ? view.doc.loaded.config.file : view.map?.file;
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'haproxy-migration' || typeof d.code !== 'string') {
      continue;
    }
    const issue = own ? issuesIn(view).find((i) => i.code === d.code && sameRange(toRange(own, i.span), d.range)) : undefined;
    const fixes = issue?.fixes ?? [];
    for (const fix of fixes) {
      const a = fixAction(fix, d, fileOf);
      if (a) {
        out.push(a);
      }
    }
    // The engine attaches ignore-comment fixes to its issues; this is the fallback for those without.
    const hasIgnore = fixes.some((f) => f.edits.some((e) => e.newText.includes('haproxy-migrate: ignore')));
    if (own && !hasIgnore) {
      out.push(suppressAction(view.uri, own, d, view.kind === 'map'));
    }
  }
  return out;
}
