import type { LoadedConfig } from '../engine';
import { simulateRequest, type SimulationOptions } from './route';
import type { RouteResult } from './result';

/**
 * `*.routes` files: one expectation per line,
 * `URL -> backend [server=share …] [frontend=NAME]`, `#` starts a comment.
 * `backend` may also be a status (`503`). A share is `25%`, `1/4` or `0.25`.
 */

/** An expected server share; `tolerance` follows the precision it was written with. */
export interface ExpectedShare {
  readonly server: string;
  readonly share: number;
  readonly tolerance: number;
  readonly written: string;
}

export interface RouteExpectation {
  /** 0-based line in the routes file. */
  readonly line: number;
  readonly url: string;
  /** Backend name, or a status code written as digits. */
  readonly backend: string;
  readonly servers: readonly ExpectedShare[];
  readonly frontend: string | undefined;
}

export interface RoutesFileProblem {
  readonly line: number;
  readonly message: string;
}

/** Parses a routes file; malformed lines become problems, never exceptions. */
export function parseRouteExpectations(text: string): { expectations: RouteExpectation[]; problems: RoutesFileProblem[] } {
  const expectations: RouteExpectation[] = [];
  const problems: RoutesFileProblem[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    const hash = raw.search(/(^|\s)#/);
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body === '') {
      return;
    }
    const arrow = body.indexOf('->');
    if (arrow < 0) {
      problems.push({ line, message: "Expected 'URL -> backend'" });
      return;
    }
    const url = body.slice(0, arrow).trim();
    const [backend, ...rest] = body.slice(arrow + 2).trim().split(/\s+/);
    if (url === '' || backend === undefined || backend === '') {
      problems.push({ line, message: "Expected 'URL -> backend'" });
      return;
    }
    let frontend: string | undefined;
    const servers: ExpectedShare[] = [];
    for (const token of rest) {
      const eq = token.lastIndexOf('=');
      const key = token.slice(0, eq);
      const value = token.slice(eq + 1);
      if (eq <= 0 || value === '') {
        problems.push({ line, message: `Expected server=share or frontend=NAME, not '${token}'` });
        continue;
      }
      if (key === 'frontend') {
        frontend = value;
        continue;
      }
      const share = parseShare(value);
      if (share === undefined) {
        problems.push({ line, message: `'${value}' is not a share (write 25%, 1/4 or 0.25)` });
        continue;
      }
      servers.push({ server: key, ...share, written: value });
    }
    expectations.push({ line, url, backend, servers, frontend });
  });
  return { expectations, problems };
}

function parseShare(text: string): { share: number; tolerance: number } | undefined {
  const pct = /^(\d+(?:\.(\d+))?)%$/.exec(text);
  if (pct) {
    return { share: Number(pct[1]) / 100, tolerance: 0.5 * 10 ** -((pct[2]?.length ?? 0) + 2) };
  }
  const frac = /^(\d+)\/(\d+)$/.exec(text);
  if (frac && Number(frac[2]) > 0) {
    return { share: Number(frac[1]) / Number(frac[2]), tolerance: 1e-9 };
  }
  const dec = /^(\d+(?:\.(\d+))?)$/.exec(text);
  if (dec && Number(dec[1]) <= 1) {
    return { share: Number(dec[1]), tolerance: 0.5 * 10 ** -(dec[2]?.length ?? 0) };
  }
  return undefined;
}

/** Result of checking one expectation: mismatches are readable sentences. */
export interface ExpectationCheck {
  readonly expectation: RouteExpectation;
  readonly route: RouteResult | undefined;
  readonly mismatches: readonly string[];
}

/** Simulates the expectation's URL and compares backend, shares and support. */
export function checkRouteExpectation(loaded: LoadedConfig, e: RouteExpectation, options: SimulationOptions = {}): ExpectationCheck {
  const result = simulateRequest(loaded, { url: e.url }, { ...options, ...(e.frontend !== undefined ? { frontend: e.frontend } : {}) });
  const mismatches: string[] = [...result.unsupported];
  if (result.routes.length > 1) {
    mismatches.push(`${result.routes.length} frontends could receive this URL (${result.routes.map((r) => r.frontend ?? '?').join(', ')}): add frontend=NAME`);
  }
  const route = result.routes[0];
  if (route === undefined) {
    return { expectation: e, route, mismatches };
  }
  mismatches.push(...route.unsupported);
  const got = route.backend ?? (route.status !== null ? String(route.status) : 'nothing');
  const wantStatus = /^\d{3}$/.test(e.backend);
  if (wantStatus ? String(route.status ?? '') !== e.backend : route.backend !== e.backend) {
    mismatches.push(`expected ${e.backend}, simulated ${got}`);
  }
  for (const s of e.servers) {
    const actual = route.servers.find((x) => x.name === s.server)?.share ?? 0;
    if (Math.abs(actual - s.share) > s.tolerance) {
      mismatches.push(`expected ${s.server}=${s.written}, simulated ${formatShare(actual)}`);
    }
  }
  return { expectation: e, route, mismatches };
}

/** `25%`, `33.33%`: shares as people read them. */
export function formatShare(share: number): string {
  const pct = Math.round(share * 10000) / 100;
  return `${pct}%`;
}
