import { renderTrace, type RouteResult, type SimulationResult } from '../engine';

/** One result object of `simulate --format json` (1-based lines). */
export interface JsonSimulation {
  url: string;
  frontend: string | null;
  backend: string | null;
  redirect: string | null;
  status: number | null;
  decidedBy: { file: string; line: number; text: string } | null;
  mapMatch: { file: string; line: number; key: string; value: string } | null;
  servers: { name: string; share: number; backup: boolean }[];
  unsupported: string[];
  trace: string[];
}

/** One JSON object per route; a request no frontend could take still gets one. */
export function toJsonSimulations(result: SimulationResult, mainFile: string): JsonSimulation[] {
  if (result.routes.length === 0) {
    return [{ url: result.url, frontend: null, backend: null, redirect: null, status: null, decidedBy: null, mapMatch: null, servers: [], unsupported: [...result.unsupported], trace: [] }];
  }
  return result.routes.map((r) => ({
    url: result.url,
    frontend: r.frontend ?? null,
    backend: r.backend,
    redirect: r.redirect,
    status: r.status,
    decidedBy: r.decidedBy ? { ...r.decidedBy, line: r.decidedBy.line + 1 } : null,
    mapMatch: r.mapMatch ? { ...r.mapMatch, line: r.mapMatch.line + 1 } : null,
    servers: r.servers.map((s) => ({ name: s.name, share: s.share, backup: s.backup })),
    unsupported: [...result.unsupported, ...r.unsupported],
    trace: renderTrace(r.trace, mainFile),
  }));
}

function percent(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

/** The outcome line of a route: backend and servers, redirect, or status. */
export function describeOutcome(r: RouteResult): string {
  switch (r.outcome) {
    case 'redirect':
      return `redirect ${r.status ?? ''} to ${r.redirect ?? ''}`;
    case 'status':
      return `HAProxy answers ${r.status ?? '?'}`;
    case 'unknown':
      return `cannot be simulated${r.backend ? ` (backend ${r.backend})` : ''}`;
    case 'backend': {
      if (r.servers.length === 0) {
        return `backend ${r.backend ?? '?'}: no server available (503)`;
      }
      const servers = r.servers.map((s) => `${s.name} ${percent(s.share)}${s.numerator !== s.denominator && s.denominator <= 10_000 ? ` (${s.numerator}/${s.denominator})` : ''}${s.backup ? ' [backup]' : ''}`);
      const chosen = r.chosenServer ? `; this request goes to ${r.chosenServer}` : '';
      return `backend ${r.backend ?? '?'}: ${servers.join(', ')}${chosen}`;
    }
  }
}

/** A readable block per route of one URL. */
export function formatSimulationText(result: SimulationResult, mainFile: string): string {
  const lines = [result.url];
  for (const u of result.unsupported) {
    lines.push(`  ${u}`);
  }
  for (const r of result.routes) {
    lines.push(`  frontend ${r.frontend ?? '?'} → ${describeOutcome(r)}`);
    if (r.decidedBy) {
      lines.push(`  decided by line ${r.decidedBy.line + 1}: ${r.decidedBy.text}`);
    }
    if (r.mapMatch) {
      lines.push(`  map ${r.mapMatch.file}:${r.mapMatch.line + 1}: ${r.mapMatch.key} → ${r.mapMatch.value}`);
    }
    for (const u of r.unsupported) {
      lines.push(`  ${u}`);
    }
    lines.push('  trace:', ...renderTrace(r.trace, mainFile).map((t) => `    ${t}`));
  }
  return lines.join('\n');
}
