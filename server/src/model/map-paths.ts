import { posix as path } from 'node:path';

/** A user mapping from a production path prefix to a local folder. */
export interface MapRoot {
  readonly from: string;
  readonly to: string;
}

/**
 * Where to look for a map file named in a config, in order (pure: no I/O):
 * the path as written (relative to the config's folder when relative), then
 * each mapping whose `from` prefixes it, then a file with the same name next
 * to the config. Configs name production paths such as
 * /etc/haproxy/domain2backend.map that rarely exist in a repository.
 */
export function mapPathCandidates(written: string, configPath: string, roots: readonly MapRoot[]): string[] {
  const configDir = path.dirname(configPath);
  const asWritten = path.isAbsolute(written) ? written : path.join(configDir, written);
  const out = [asWritten];
  for (const r of roots) {
    const from = r.from.endsWith('/') ? r.from : r.from + '/';
    if (written.startsWith(from) || written === r.from) {
      const rest = written === r.from ? '' : written.slice(from.length);
      const to = path.isAbsolute(r.to) ? r.to : path.join(configDir, r.to);
      out.push(path.join(to, rest));
    }
  }
  out.push(path.join(configDir, path.basename(written)));
  return [...new Set(out)];
}
