/*
 * Where a backend name or an ACL name occurs. Backends are followed across
 * configs through shared map files: renaming a backend whose name is a map
 * value must rename it in every config that reads that map, or the map
 * would break them.
 */
import type { AnalyzedDocument } from '../document-cache';
import { collectBackendNameUses, type Proxy, type SourceFile, type Span } from '../engine';
import { aclReferences } from './locate';
import type { Project } from './project';

export interface Occurrence {
  readonly file: SourceFile;
  readonly span: Span;
  readonly definition: boolean;
  /** Literal text around a map value in the use_backend word (`be_%[…]`). */
  readonly prefix: string;
  readonly suffix: string;
}

/** Every definition and use of backend `name`, starting from `seeds` and following shared maps. */
export async function backendOccurrences(project: Project, seeds: readonly AnalyzedDocument[], name: string): Promise<Occurrence[]> {
  const out = new Map<string, Occurrence>();
  const add = (o: Occurrence): void => {
    out.set(`${o.file.path}:${o.span.start}`, o);
  };
  const queue = [...seeds];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const doc = queue.pop() as AnalyzedDocument;
    if (seen.has(doc.uri)) {
      continue;
    }
    seen.add(doc.uri);
    const config = doc.loaded.config;
    const def = config.backendsByName.get(name);
    if (def?.nameSpan) {
      add({ file: config.file, span: def.nameSpan, definition: true, prefix: '', suffix: '' });
    }
    for (const use of collectBackendNameUses(doc.loaded)) {
      if (use.name !== name) {
        continue;
      }
      const map = [...doc.loaded.maps.values()].find((m) => m.resolvedPath === use.file)?.map;
      const file = use.file === config.file.path ? config.file : map?.file;
      if (file) {
        add({ file, span: use.span, definition: false, prefix: use.prefix, suffix: use.suffix });
      }
      if (map) {
        queue.push(...(await project.mapUses(use.file)).map((u) => u.doc));
      }
    }
  }
  return [...out.values()].sort((a, b) => a.file.path.localeCompare(b.file.path) || a.span.start - b.span.start);
}

/** The backend name a map value stands for in the configs that use the map (prefix/suffix added). */
export function backendNameOfMapValue(docs: readonly AnalyzedDocument[], mapPath: string, valueStart: number): { name: string; doc: AnalyzedDocument } | undefined {
  for (const doc of docs) {
    const use = collectBackendNameUses(doc.loaded).find((u) => u.file === mapPath && u.span.start === valueStart);
    if (use) {
      return { name: use.name, doc };
    }
  }
  return undefined;
}

/** Declarations and condition references of ACL `name` in `proxy`. */
export function aclOccurrences(file: SourceFile, proxy: Proxy, name: string): Occurrence[] {
  const defs = proxy.acls.filter((a) => a.name === name).map((a) => ({ file, span: a.nameSpan, definition: true, prefix: '', suffix: '' }));
  const refs = proxy.directives.flatMap((d) => aclReferences(d).filter((r) => r.name === name).map((r) => ({ file, span: r.span, definition: false, prefix: '', suffix: '' })));
  return [...defs, ...refs].sort((a, b) => a.span.start - b.span.start);
}
