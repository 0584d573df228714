import { readFileSync } from 'node:fs';
import { analyzeLoaded, lineChanges, type HaproxyConfig, type Issue, type LoadedConfig } from '../engine';
import { writeFileAtomic } from './atomic-write';
import { runHaproxyCheck } from './haproxy-check';
import { appendJournal, sha256, type JournalEntry } from './journal';
import { applyRuntimeWeights, type RuntimeWeight } from './runtime-socket';

/** A whole-file change ready to be applied: gates, atomic write, runtime, journal. */
export interface ApplyChange {
  /** Absolute path of the edited file (a config or a map file). */
  readonly file: string;
  /** The text the change was planned from: the file must still read this. */
  readonly before: string;
  readonly after: string;
  /** Loads the config with the edited file reading `text` (the adapter owns the disk access). */
  readonly load: (text: string) => LoadedConfig;
  readonly record: Pick<JournalEntry, 'kind' | 'backend' | 'mapLine' | 'from' | 'to'> & { readonly undoes?: string };
  /** `haproxy` binary for the `haproxy -c` gate; skipped when undefined. */
  readonly haproxy?: string;
  /** Running HAProxy to update after the write (weights of `backend` only). */
  readonly runtime?: { readonly socket: string; readonly backend: string };
}

/** What happened; `refused` means nothing was left changed. */
export interface ApplyOutcome {
  readonly ok: boolean;
  readonly refused?: string;
  readonly log: readonly string[];
  readonly entry?: JournalEntry;
}

function errorKeys(issues: readonly Issue[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of issues.filter((x) => x.severity === 'error')) {
    const key = `${i.code}: ${i.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Errors after the change that were not there before (same code and message, counted). */
export function newErrors(before: readonly Issue[], after: readonly Issue[]): string[] {
  const old = errorKeys(before);
  return [...errorKeys(after)].flatMap(([key, n]) => Array.from({ length: Math.max(0, n - (old.get(key) ?? 0)) }, () => key));
}

/**
 * Weight changes of `backend` between two versions of a config, for the
 * runtime socket, plus the servers whose `backup` flag changed (those need
 * a reload).
 */
export function runtimeWeightChanges(before: HaproxyConfig, after: HaproxyConfig, backend: string): { weights: RuntimeWeight[]; reload: string[] } {
  const old = new Map((before.backendsByName.get(backend)?.servers ?? []).map((s) => [s.name, s.settings]));
  const weights: RuntimeWeight[] = [];
  const reload: string[] = [];
  for (const s of after.backendsByName.get(backend)?.servers ?? []) {
    const was = old.get(s.name);
    if (!s.name || !was) {
      continue;
    }
    if (was.weight !== s.settings.weight) {
      weights.push({ server: s.name, weight: s.settings.weight });
    }
    if (was.backup !== s.settings.backup) {
      reload.push(s.name);
    }
  }
  return { weights, reload };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Applies a change all or nothing: the engine's analysis must show no new
 * error and `haproxy -c` (when given) must accept a copy using the real map
 * files; the file must still read `before`; then the file is written
 * atomically, the running HAProxy gets the new weights (verified), and the
 * journal records the change. A runtime failure restores the running
 * weights and the file before reporting.
 *
 * Contract: never throws for refusals or socket failures; a disk write
 * failure is reported as a refusal.
 */
export async function applyChange(change: ApplyChange): Promise<ApplyOutcome> {
  const log: string[] = [];
  const loadedBefore = change.load(change.before);
  const loadedAfter = change.load(change.after);
  const added = newErrors(analyzeLoaded(loadedBefore), analyzeLoaded(loadedAfter));
  if (added.length > 0) {
    return { ok: false, refused: `The change adds ${added.length} error(s):\n  ${added.join('\n  ')}`, log };
  }
  log.push('analysis: no new error');
  if (change.haproxy) {
    const overrides = change.file === loadedAfter.config.file.path ? new Map<string, string>() : new Map([[change.file, change.after]]);
    const check = runHaproxyCheck(change.haproxy, loadedAfter, overrides);
    if (!check.ok) {
      return { ok: false, refused: `${change.haproxy} -c rejects the change:\n${check.output.trimEnd()}`, log };
    }
    log.push(`${change.haproxy} -c: configuration is valid`);
  }
  if (readOrUndefined(change.file) !== change.before) {
    return { ok: false, refused: `${change.file} changed on disk since the change was planned: plan again`, log };
  }
  try {
    writeFileAtomic(change.file, change.after);
  } catch (e) {
    return { ok: false, refused: `Cannot write ${change.file}: ${e instanceof Error ? e.message : String(e)}`, log };
  }
  log.push(`wrote ${change.file}`);
  if (change.runtime) {
    const { weights, reload } = runtimeWeightChanges(loadedBefore.config, loadedAfter.config, change.runtime.backend);
    const outcome = await applyRuntimeWeights(change.runtime.socket, change.runtime.backend, weights);
    log.push(...outcome.log.map((l) => `runtime: ${l}`));
    if (!outcome.ok) {
      writeFileAtomic(change.file, change.before);
      log.push(`restored ${change.file}`);
      return { ok: false, refused: 'The running HAProxy refused a weight change: its weights and the file were restored', log };
    }
    if (reload.length > 0) {
      log.push(`runtime: the backup flag of ${reload.join(', ')} cannot change at runtime: reload HAProxy to apply it`);
    }
  }
  const entry = appendJournal(change.file, {
    ...change.record,
    hashBefore: sha256(change.before),
    hashAfter: sha256(change.after),
    lines: lineChanges(change.before, change.after),
  });
  log.push(`journal: recorded ${entry.kind} ${entry.id}`);
  return { ok: true, log, entry };
}
