/**
 * Applying ramp steps and promotions: atomic file writes, the journal, the
 * `haproxy -c` gate and the runtime socket. Adapter code (does I/O); engine
 * folders never import it.
 */
export { applyChange, newErrors, runtimeWeightChanges, type ApplyChange, type ApplyOutcome } from './apply-change';
export { writeFileAtomic } from './atomic-write';
export { runHaproxyCheck, type HaproxyCheckResult } from './haproxy-check';
export { appendJournal, appliedEntries, journalPath, lastRecordedHash, readJournal, sha256, JOURNAL_DIR, JOURNAL_FILE, type JournalEntry } from './journal';
export { diskLoader, isSocket, OverlaySource } from './overlay-source';
export { planRollback, type RollbackPlan } from './plan-rollback';
export { applyRuntimeWeights, getRuntimeWeight, sendRuntimeCommand, setRuntimeWeight, type RuntimeOutcome, type RuntimeWeight } from './runtime-socket';
