import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type EngineOptions, type LoadedConfig, type MapSource } from '../engine';

/** Reads the disk, except one file whose text is given (a change not yet written). */
export class OverlaySource implements MapSource {
  constructor(
    private readonly file?: string,
    private readonly text?: string,
  ) {}

  read(p: string): string | undefined {
    if (this.file !== undefined && resolve(p) === this.file) {
      return this.text;
    }
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  }
}

/**
 * A loader for {@link ApplyChange.load}: the config at `configPath` (read
 * from disk unless it is the edited file) with its maps, `editedFile` reading
 * the candidate text.
 */
export function diskLoader(configPath: string, editedFile: string, options: EngineOptions): (text: string) => LoadedConfig {
  return (text) => {
    const source = new OverlaySource(editedFile, text);
    const configText = source.read(configPath) ?? '';
    return loadConfig(configText, configPath, source, options);
  };
}

/** True when `p` is a Unix socket on this machine. */
export function isSocket(p: string): boolean {
  try {
    return statSync(p).isSocket();
  } catch {
    return false;
  }
}
