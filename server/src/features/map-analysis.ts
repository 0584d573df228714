import { cachedReachabilitySteps } from '../engine';
import type { DocumentView } from './project';

/** How long the map analysis runs before the messages that arrived meanwhile are handled. */
const SLICE_MS = 1;

/**
 * Analyses, a slice at a time, the reachability of every line of a map
 * view's map for each way a config uses it: the costly part of the map's
 * diagnostics (up to a second for a 2,000-line regex map), after which
 * they come from the cache. Between slices the server answers what arrived
 * meanwhile (a hover just after opening a config, an edit), instead of
 * after the whole map. Stops early once `stillWanted` says no; the caller
 * then publishes nothing, as a newer publish follows.
 */
export async function prepareMapDiagnostics(view: DocumentView | undefined, stillWanted: () => boolean = () => true): Promise<void> {
  if (view?.kind !== 'map') {
    return;
  }
  let sliceEnd = performance.now() + SLICE_MS;
  for (const use of view.uses) {
    for (const ref of use.refs) {
      const map = ref.via === 'converter' ? use.doc.loaded.maps.get(ref.path)?.map : undefined;
      if (map === undefined) {
        continue;
      }
      const steps = cachedReachabilitySteps(map, ref.match);
      while (steps.next().done !== true) {
        if (performance.now() >= sliceEnd) {
          await new Promise((resolve) => setImmediate(resolve));
          if (!stillWanted()) {
            return;
          }
          sliceEnd = performance.now() + SLICE_MS;
        }
      }
    }
  }
}
