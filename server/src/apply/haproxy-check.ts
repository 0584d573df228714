import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offsetOf } from '../engine';
import type { LoadedConfig } from '../engine';

/** What `haproxy -c` said about a candidate config. */
export interface HaproxyCheckResult {
  readonly ok: boolean;
  /** HAProxy's own output (stdout and stderr), for the user. */
  readonly output: string;
}

/**
 * Runs `<binary> -c -f <copy>` on a temp copy of `text` (the candidate
 * config, loaded as `loaded`) whose map paths are rewritten to the resolved
 * map files, so HAProxy checks the real maps wherever the config says they
 * live in production. `mapOverrides` replaces a resolved map's content (for
 * a promotion not yet written): it is checked from a temp copy too.
 *
 * Contract: never throws; a binary that cannot run is a failed check whose
 * output says why. The temp folder is removed afterwards.
 */
export function runHaproxyCheck(binary: string, loaded: LoadedConfig, mapOverrides: ReadonlyMap<string, string> = new Map()): HaproxyCheckResult {
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-migrate-check-'));
  try {
    const text = loaded.config.file.text;
    const refs = [...loaded.config.mapReferences].sort((a, b) => b.pathSpan.start - a.pathSpan.start);
    let copy = text;
    let n = 0;
    for (const ref of refs) {
      const resolved = loaded.maps.get(ref.path)?.resolvedPath;
      if (!resolved) {
        continue;
      }
      let target = resolved;
      const override = mapOverrides.get(resolved);
      if (override !== undefined) {
        target = join(dir, `map-${n++}.map`);
        writeFileSync(target, override);
      }
      copy = copy.slice(0, offsetOf(loaded.config.file, ref.pathSpan.start)) + target + copy.slice(offsetOf(loaded.config.file, ref.pathSpan.end));
    }
    const cfg = join(dir, 'haproxy.cfg');
    writeFileSync(cfg, copy);
    const run = spawnSync(binary, ['-c', '-f', cfg], { encoding: 'utf8', timeout: 60_000 });
    if (run.error) {
      return { ok: false, output: `Cannot run ${binary}: ${run.error.message}` };
    }
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.split(cfg).join(loaded.config.file.path);
    return { ok: run.status === 0, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
