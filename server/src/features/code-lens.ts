/*
 * The split above each weighted backend (`cloud 25% · on-prem 75%`) and, on
 * map lines, the backend the value selects with its split.
 */
import type { CodeLens } from 'vscode-languageserver';
import { collectBackendNameUses, computeBackendSplit, type Proxy } from '../engine';
import { toRange } from './convert';
import type { DocumentView } from './project';
import { splitLabel, targetRegExp } from './render-split';

/** Backends worth a lens: several servers, or an explicit weight. */
function isWeighted(p: Proxy): boolean {
  return (p.kind === 'backend' || p.kind === 'listen') && (p.servers.length > 1 || p.servers.some((s) => s.settings.weightWord !== undefined));
}

const lens = (range: CodeLens['range'], title: string): CodeLens => ({ range, command: { title, command: '' } });

export function provideCodeLenses(view: DocumentView): CodeLens[] {
  const target = targetRegExp(view.settings.ramp.targetPattern);
  if (view.kind === 'config') {
    const { config } = view.doc.loaded;
    return config.proxies.filter(isWeighted).map((p) => lens(toRange(config.file, p.header.span), splitLabel(p, computeBackendSplit(p), target)));
  }
  const map = view.map;
  if (!map) {
    return [];
  }
  const byValue = new Map<number, string>();
  for (const use of view.uses) {
    const backends = use.doc.loaded.config.backendsByName;
    for (const u of collectBackendNameUses(use.doc.loaded)) {
      const be = backends.get(u.name);
      if (u.file === view.path && !byValue.has(u.span.start)) {
        byValue.set(u.span.start, be ? `→ ${u.name} · ${splitLabel(be, computeBackendSplit(be), target)}` : `→ ${u.name} (not defined)`);
      }
    }
  }
  return map.entries.flatMap((e) => {
    const title = byValue.get(e.valueSpan.start);
    return title ? [lens(toRange(map.file, e.span), title)] : [];
  });
}
