import type { Check } from '../check';
import type { Issue } from '../issue';

/** `map/file-not-found`: a map or pattern file the config names cannot be found anywhere we looked. */
export const checkMapFilesFound: Check = (ctx) => {
  const issues: Issue[] = [];
  for (const ref of ctx.config.mapReferences) {
    const resolved = ctx.maps.get(ref.path);
    if (resolved && resolved.resolvedPath === undefined) {
      issues.push({
        code: 'map/file-not-found',
        severity: 'error',
        message: `Map file '${ref.path}' not found (map it to a local folder with --map-root ${dirOf(ref.path)}=<folder> or the haproxy.mapRoots setting)`,
        file: ctx.config.file.path,
        span: ref.pathSpan,
      });
    }
  }
  return issues;
};

function dirOf(p: string): string {
  const at = p.lastIndexOf('/');
  return at > 0 ? p.slice(0, at) : '.';
}
