/**
 * Debian's Neovim 0.7, headless, with its built-in LSP client, runs the
 * bundled language server (`node server/out/main.js --stdio`) on a copy of
 * examples/migration with two planted mistakes (see migration-workspace.ts).
 *
 * Needs `npm run build` (npm test and npm run test:e2e do it) and Debian's
 * neovim; HAPROXY_MIGRATION_SKIP_E2E=1 skips.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrationWorkspace, MISSING_BACKEND, type MigrationWorkspace } from './harness/migration-workspace';
import { runNeovimLsp, type NeovimLspOptions } from './harness/neovim';
import { isE2eSkipped, REPO_ROOT } from './harness/paths';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol';

const SERVER_BUNDLE = path.join(REPO_ROOT, 'server', 'out', 'main.js');

describe.skipIf(isE2eSkipped())('Neovim 0.7 with the bundled language server', () => {
  let scratch = '';
  let ws: MigrationWorkspace;

  beforeAll(() => {
    if (!existsSync(SERVER_BUNDLE)) {
      throw new Error(`${SERVER_BUNDLE} is missing: run npm run build first`);
    }
    scratch = mkdtempSync(path.join(os.tmpdir(), 'haproxy-migration-nvim-e2e-'));
    ws = createMigrationWorkspace(scratch);
  });

  afterAll(() => {
    if (scratch !== '') {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  function options(file: string, filetype: string, extra: Partial<NeovimLspOptions> = {}): NeovimLspOptions {
    return {
      serverCommand: [process.execPath, ...SERVER_NODE_OPTIONS, SERVER_BUNDLE, '--stdio'],
      file,
      filetype,
      rootDir: ws.folder,
      settings: { haproxy: { version: '2.6', mapRoots: [`/etc/haproxy=${ws.folder}`] } },
      timeoutMs: 30_000,
      ...extra,
    };
  }

  it('shows the undefined backend as an error on its line and the route of a URL in a comment on hover', async () => {
    const result = await runNeovimLsp(
      options(ws.configPath, 'haproxy', { hover: { line: ws.customersUrlLine - 1, character: ws.customersUrlColumn + 10 } }),
    );

    expect(result.errors, result.log).toEqual([]);
    expect(result.nvimVersion).toMatch(/^NVIM v0\.\d+/);
    expect(result.initialized).toBe(true);
    const undefinedBackend = result.diagnostics.filter((d) => d.code === 'backend/undefined');
    expect(undefinedBackend, JSON.stringify(result.diagnostics, null, 1)).toEqual([
      expect.objectContaining({ lnum: ws.missingBackendLine - 1, severity: 1, message: expect.stringContaining(`'${MISSING_BACKEND}'`) }),
    ]);
    // The hover simulates the URL: the map picks application-02-mixed, whose servers split 75 / 25.
    expect(result.hoverText).toMatch(/application-02-mixed(?!-)[\s\S]*onprem-prod-front-application-02\W[^\n]*\b75\s*%/);
    expect(result.hoverText).toMatch(/application-02-mixed(?!-)[\s\S]*aws-prod-Kubernetes-application-02\W[^\n]*\b25\s*%/);
  }, 90_000);

  it('shows the map line shadowed by the moved catch-all as unreachable in the map file', async () => {
    const result = await runNeovimLsp(options(ws.mapPath, 'haproxy-map'));

    expect(result.errors, result.log).toEqual([]);
    const unreachable = result.diagnostics.filter((d) => d.code === 'map/unreachable-line');
    expect(unreachable, JSON.stringify(result.diagnostics, null, 1)).toEqual([
      expect.objectContaining({ lnum: ws.unreachableMapLine - 1, message: expect.stringContaining(`line ${ws.shadowingMapLine}`) }),
    ]);
  }, 90_000);
});
