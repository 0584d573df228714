/*
 * Custom requests of the ramp commands, shared by the client (relative
 * import; esbuild bundles it) and the server. Like protocol.ts it imports
 * only the protocol library.
 */
import { RequestType, type TextEdit } from 'vscode-languageserver-protocol';

export interface RampBackendsParams {
  readonly uri: string;
  /** Cursor offset in the document: the backend there comes first. */
  readonly offset?: number;
}

export interface RampBackendInfo {
  readonly name: string;
  /** Target share now, in percent. */
  readonly percent: number;
  /** `25% → 50%`, `100% (sources backup)`, … */
  readonly label: string;
  readonly atCursor: boolean;
}

/** Client → server: the ramp-able backends of a config, for the quick pick and the status bar. */
export const RampBackendsRequest = new RequestType<RampBackendsParams, { readonly backends: readonly RampBackendInfo[] }, void>('haproxy/rampBackends');

export type RampCommandAction = 'next' | 'abort' | 'rollback' | 'promote';

export interface RampPlanParams {
  /** The config (next, abort, rollback of a backend) or the map file (promote, rollback of a line). */
  readonly uri: string;
  readonly action: RampCommandAction;
  readonly backend?: string;
  /** 1-based map line for promote and for rolling a promotion back. */
  readonly line?: number;
}

export interface RampPlanResult {
  /** Set when the change is refused (gates, journal, nothing to do); no edits then. */
  readonly refused?: string;
  readonly summary: string;
  readonly diff: string;
  readonly edits: readonly TextEdit[];
  /** What the client sends back with RampCommitRequest once the edit is saved. */
  readonly commit?: RampCommitParams;
}

/** Client → server: plan a ramp step, abort, rollback or map-line promotion, with gates already run. */
export const RampPlanRequest = new RequestType<RampPlanParams, RampPlanResult, void>('haproxy/rampPlan');

export interface RampCommitParams {
  readonly uri: string;
  readonly kind: 'step' | 'abort' | 'promote' | 'rollback';
  readonly backend?: string;
  readonly line?: number;
  readonly from: string;
  readonly to: string;
  readonly undoes?: string;
  /** The file's text the plan was made from. */
  readonly before: string;
  /** The text the saved file must now have. */
  readonly after: string;
}

export interface RampCommitResult {
  readonly ok: boolean;
  readonly log: readonly string[];
  /** When false the client must put the file back to `before` (the running HAProxy was already restored). */
  readonly refused?: string;
}

/**
 * Client → server: the planned edit was applied and saved: update the
 * running HAProxy (trusted workspaces with a runtime socket) and journal it.
 */
export const RampCommitRequest = new RequestType<RampCommitParams, RampCommitResult, void>('haproxy/rampCommit');

export interface ReplicationPlanParams {
  readonly uri: string;
  readonly line: number;
}

/** Client → server: the GOReplay ramp script for a map line. */
export const ReplicationPlanRequest = new RequestType<ReplicationPlanParams, { readonly script?: string; readonly refused?: string }, void>('haproxy/replicationPlan');
