/* Definition, references, rename and document links over backends, ACLs and map paths. */
import { ResponseError, type DocumentLink, type Location, type Position, type WorkspaceEdit } from 'vscode-languageserver';
import { pathToUri } from '../document-cache';
import { spanText } from '../engine';
import { toLocation, toPosition, toRange } from './convert';
import { locateInConfig, locateInMap, type Target } from './locate';
import { aclOccurrences, backendNameOfMapValue, backendOccurrences, type Occurrence } from './occurrences';
import type { DocumentView, Project } from './project';

interface Located {
  readonly target: Target;
  readonly occurrences: () => Promise<Occurrence[]>;
}

function locate(project: Project, view: DocumentView, position: Position): Located | undefined {
  if (view.kind === 'config') {
    const config = view.doc.loaded.config;
    const t = locateInConfig(config, toPosition(config.file, position), position.line);
    if (t?.kind === 'backend-def' || t?.kind === 'backend-ref') {
      return { target: t, occurrences: () => backendOccurrences(project, [view.doc], t.name) };
    }
    if (t?.kind === 'acl-def' || t?.kind === 'acl-ref') {
      return { target: t, occurrences: async () => aclOccurrences(config.file, t.proxy, t.name) };
    }
    return t?.kind === 'map-path' ? { target: t, occurrences: async () => [] } : undefined;
  }
  const map = view.map;
  const t = map && locateInMap(map, toPosition(map.file, position), position.line);
  if (!t || t.kind !== 'backend-ref') {
    return undefined;
  }
  const named = backendNameOfMapValue(view.uses.map((u) => u.doc), view.path, t.span.start);
  return named ? { target: { ...t, name: named.name }, occurrences: () => backendOccurrences(project, view.uses.map((u) => u.doc), named.name) } : undefined;
}

/** Go to definition: the backend or ACL declaration, or the opened map file. */
export async function provideDefinition(project: Project, view: DocumentView, position: Position): Promise<Location[]> {
  const found = locate(project, view, position);
  if (found?.target.kind === 'map-path' && view.kind === 'config') {
    const resolved = view.doc.loaded.maps.get(found.target.ref.path)?.resolvedPath;
    return resolved ? [{ uri: pathToUri(resolved), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] : [];
  }
  return found ? (await found.occurrences()).filter((o) => o.definition).map((o) => toLocation(o.file, o.span)) : [];
}

export async function provideReferences(project: Project, view: DocumentView, position: Position, includeDeclaration: boolean): Promise<Location[]> {
  const found = locate(project, view, position);
  return found ? (await found.occurrences()).filter((o) => includeDeclaration || !o.definition).map((o) => toLocation(o.file, o.span)) : [];
}

/** The range to rename, or null when the cursor is not on a renamable name. */
export function providePrepareRename(project: Project, view: DocumentView, position: Position): { range: ReturnType<typeof toRange>; placeholder: string } | null {
  const found = locate(project, view, position);
  const t = found?.target;
  if (!t || !(t.kind === 'backend-def' || t.kind === 'backend-ref' || t.kind === 'acl-def' || t.kind === 'acl-ref')) {
    return null;
  }
  const file = view.kind === 'config' ? view.doc.loaded.config.file : view.map?.file;
  return file ? { range: toRange(file, t.span), placeholder: spanText(file, t.span) } : null;
}

/** Renames every occurrence, map values included; map values keep their literal prefix/suffix. */
export async function provideRename(project: Project, view: DocumentView, position: Position, newName: string): Promise<WorkspaceEdit | null> {
  if (!/^[^\s#'"\\]+$/.test(newName)) {
    throw new ResponseError(-32602, `'${newName}' is not a valid name: no blanks, quotes, '#' or backslashes`);
  }
  const found = locate(project, view, position);
  if (!found || found.target.kind === 'map-path') {
    return null;
  }
  const changes: Record<string, { range: ReturnType<typeof toRange>; newText: string }[]> = {};
  for (const o of await found.occurrences()) {
    if (!newName.startsWith(o.prefix) || !newName.endsWith(o.suffix) || newName.length < o.prefix.length + o.suffix.length) {
      throw new ResponseError(-32602, `'${newName}' must keep the literal '${o.prefix}…${o.suffix}' around map values`);
    }
    const uri = pathToUri(o.file.path);
    (changes[uri] ??= []).push({ range: toRange(o.file, o.span), newText: newName.slice(o.prefix.length, newName.length - o.suffix.length) });
  }
  return { changes };
}

/** Map file paths as links to the file they resolve to. */
export function provideDocumentLinks(view: DocumentView): DocumentLink[] {
  if (view.kind !== 'config') {
    return [];
  }
  const { config, maps } = view.doc.loaded;
  return config.mapReferences.flatMap((r) => {
    const resolved = maps.get(r.path)?.resolvedPath;
    return resolved ? [{ range: toRange(config.file, r.pathSpan), target: pathToUri(resolved), tooltip: `Open ${resolved}` }] : [];
  });
}
