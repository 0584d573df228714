/* Handlers of the custom requests in protocol.ts. */
import type { AnalyzedDocument } from '../document-cache';
import type { SimulateParams, SimulateResult } from '../protocol';
import type { Project } from './project';
import { renderSimulation } from './render-route';
import { targetRegExp } from './render-split';
import { simulateUrl, type SimulatedPair } from './simulate-url';

async function configsFor(project: Project, uri: string | undefined): Promise<AnalyzedDocument[]> {
  if (uri === undefined) {
    return project.allConfigs();
  }
  const view = await project.view(uri);
  if (!view) {
    return [];
  }
  return view.kind === 'config' ? [view.doc] : view.uses.map((u) => u.doc);
}

/** `haproxy/simulate`: routes the URL through the chosen configs and renders the whole trace. */
export async function handleSimulate(project: Project, params: SimulateParams): Promise<SimulateResult> {
  const docs = await configsFor(project, params.uri);
  const settings = await project.settings(params.uri ?? docs[0]?.uri ?? '');
  const target = targetRegExp(settings.ramp.targetPattern);
  const pairs: SimulatedPair[] = [];
  const notes = new Set<string>();
  for (const doc of docs) {
    const r = simulateUrl(doc, params.url, target);
    pairs.push(...r.pairs);
    r.unsupported.forEach((u) => notes.add(u));
  }
  return {
    url: params.url,
    routes: pairs.map((p) => ({
      configUri: p.doc.uri,
      frontend: p.route.frontend ?? '?',
      backend: p.route.backend ?? undefined,
      shares: p.route.servers.map((s) => ({ server: s.name, share: s.share })),
    })),
    markdown: renderSimulation(params.url, pairs, [...notes], target, true),
  };
}
