import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri } from './lsp-harness';

/** A private copy of examples/migration (tests may write to it). */
export interface ExampleWorkspace {
  readonly dir: string;
  readonly cfgPath: string;
  readonly mapPath: string;
  readonly cfgUri: string;
  readonly mapUri: string;
  readonly cfgText: string;
  readonly mapText: string;
}

export function copyExample(): ExampleWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'haproxy-ws-'));
  cpSync(path.resolve(__dirname, '../../examples/migration'), dir, { recursive: true });
  const cfgPath = path.join(dir, 'haproxy.cfg');
  const mapPath = path.join(dir, 'domain2backend.map');
  return {
    dir, cfgPath, mapPath,
    cfgUri: fileUri(cfgPath), mapUri: fileUri(mapPath),
    cfgText: readFileSync(cfgPath, 'utf8'), mapText: readFileSync(mapPath, 'utf8'),
  };
}
