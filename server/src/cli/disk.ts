import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MapRoot, MapSource } from '../engine';
import { UsageError } from './args';

/** Reads files from disk and remembers which ones it read (for `files` in JSON output). */
export class DiskSource implements MapSource {
  public readonly filesRead = new Set<string>();

  read(p: string): string | undefined {
    try {
      const text = readFileSync(p, 'utf8');
      this.filesRead.add(path.resolve(p));
      return text;
    } catch {
      return undefined;
    }
  }
}

/** `--map-root FROM=TO` values; TO is resolved against the working directory. */
export function parseMapRoots(values: readonly string[]): MapRoot[] {
  return values.map((v) => {
    const eq = v.indexOf('=');
    if (eq <= 0 || eq === v.length - 1) {
      throw new UsageError(`--map-root takes FROM=TO (e.g. /etc/haproxy=./haproxy), not '${v}'`);
    }
    return { from: v.slice(0, eq), to: path.resolve(v.slice(eq + 1)) };
  });
}

/** Reads the config named on the command line; an unreadable config is a usage-level failure (exit 2). */
export function readConfigFile(p: string, source: DiskSource): { path: string; text: string } {
  const abs = path.resolve(p);
  const text = source.read(abs);
  if (text === undefined) {
    throw new UsageError(`Cannot read config file '${p}'`);
  }
  return { path: abs, text };
}
