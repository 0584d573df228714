/*
 * Markdown rendering of simulated routes for hover and the Simulate Route
 * command: the deciding rule and map line as links, the server shares and
 * the failover when the cloud servers fail their checks.
 */
import * as path from 'node:path';
import { pathToUri } from '../document-cache';
import type { RouteResult, TraceStep } from '../engine';
import { formatPercent, sharesTable } from './render-split';
import type { SimulatedPair } from './simulate-url';

/** `[file.cfg:12](file:///…/file.cfg#L12)` for a 0-based line. */
export function lineLink(file: string, line: number): string {
  return `[${path.basename(file)}:${line + 1}](${pathToUri(file)}#L${line + 1})`;
}

function code(text: string): string {
  const t = text.trim();
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

function outcome(r: RouteResult): string {
  switch (r.outcome) {
    case 'backend':
      return r.status === null ? `backend **\`${r.backend ?? '?'}\`**` : `backend **\`${r.backend ?? '?'}\`**, answered ${r.status} by HAProxy`;
    case 'redirect':
      return `redirect ${r.status ?? ''} to \`${r.redirect ?? '?'}\``;
    case 'status':
      return `HAProxy answers **${r.status ?? '?'}**`;
    case 'unknown':
      return 'cannot be simulated';
  }
}

function shareLine(r: RouteResult | undefined): string {
  if (!r) {
    return 'unknown';
  }
  if (r.servers.length === 0) {
    return r.outcome === 'backend' ? 'no server available (503)' : outcome(r);
  }
  return r.servers.map((s) => `\`${s.name}\` ${formatPercent(s.share)}`).join(' · ');
}

function traceLine(s: TraceStep): string {
  return s.file !== undefined && s.line !== undefined ? `${lineLink(s.file, s.line)} ${s.message}` : s.message;
}

/** One frontend's route as Markdown. */
export function renderPair(pair: SimulatedPair, target: RegExp | undefined, withTrace: boolean): string {
  const r = pair.route;
  const out = [`**${path.basename(pair.doc.path)}** · frontend \`${r.frontend ?? '?'}\` → ${outcome(r)}`, ''];
  if (r.decidedBy) {
    out.push(`- decided by ${lineLink(r.decidedBy.file, r.decidedBy.line)} ${code(r.decidedBy.text)}`);
  }
  if (r.mapMatch) {
    out.push(`- map line ${lineLink(r.mapMatch.file, r.mapMatch.line)} ${code(r.mapMatch.key)} → \`${r.mapMatch.value}\``);
  }
  if (r.chosenServer) {
    out.push(`- this exact request goes to \`${r.chosenServer}\``);
  }
  if (pair.failover) {
    out.push(`- if ${pair.downed.map((n) => `\`${n}\``).join(', ')} fail${pair.downed.length === 1 ? 's' : ''} its check: ${shareLine(pair.failover)}`);
  }
  for (const u of r.unsupported) {
    out.push(`- ⚠ ${u}`);
  }
  const be = r.backend === null ? undefined : pair.doc.loaded.config.backendsByName.get(r.backend);
  if (be && r.servers.length > 0) {
    out.push('', sharesTable(be, r.servers, target));
  }
  if (withTrace && r.trace.length > 0) {
    out.push('', ...r.trace.map((s, i) => `${i + 1}. ${traceLine(s)}`));
  }
  return out.join('\n');
}

/** Every route for `url`, separated by rules; `unsupported` notes first. */
export function renderSimulation(url: string, pairs: readonly SimulatedPair[], unsupported: readonly string[], target: RegExp | undefined, withTrace: boolean): string {
  const head = `### Route of \`${url}\``;
  const notes = unsupported.map((u) => `⚠ ${u}`);
  const body = pairs.length === 0 ? ['No frontend of the open or workspace configs receives this request'] : pairs.map((p) => renderPair(p, target, withTrace));
  return [head, ...notes, ...body].join('\n\n---\n\n');
}
