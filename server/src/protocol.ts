/*
 * What the VS Code client and the server agree on: how the server process
 * is started, and the custom requests and notifications between them.
 * Imported by both sides (the client by relative path; esbuild bundles it),
 * so it may import only the protocol library.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/**
 * Size, in MB, of each half of V8's young generation. The first open of a
 * 14,000-line config allocates about 45 MB, of which the model the server
 * keeps is about 20 MB. V8's default young generation starts at 1 MB and
 * grows to 16 MB, so the collections that run during the open copy most of
 * that model once or twice. At 64 MB the open of such a config ends before
 * the first young collection, which then runs while the editor shows the
 * diagnostics. The cost is resident memory (up to about 64 MB more once the
 * server has allocated that much, and up to twice that after collections
 * have used both halves) and somewhat longer young collections later.
 */
export const YOUNG_GENERATION_SEMI_SPACE_MB = 64;

/** Node options for the language server process (`node <options> server/out/main.js --stdio`). */
export const SERVER_NODE_OPTIONS: readonly string[] = [`--min-semi-space-size=${YOUNG_GENERATION_SEMI_SPACE_MB}`, `--max-semi-space-size=${YOUNG_GENERATION_SEMI_SPACE_MB}`];

/** What the client passes in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /** False in VS Code's Restricted Mode: nothing may spawn a process or open a socket. */
  readonly trusted: boolean;
}

export interface SimulateParams {
  /** The request to simulate: `http(s)://host/path?query` or `host/path`. */
  readonly url: string;
  /** The config to route through; when absent, every open and workspace config. */
  readonly uri?: string;
}

/** One frontend's answer for a simulated request. */
export interface SimulatedRoute {
  readonly configUri: string;
  readonly frontend: string;
  /** Chosen backend; undefined when no backend is chosen (redirect, deny, no default). */
  readonly backend: string | undefined;
  /** Share of each server of that backend, 0..1. */
  readonly shares: readonly { readonly server: string; readonly share: number }[];
}

export interface SimulateResult {
  readonly url: string;
  readonly routes: readonly SimulatedRoute[];
  /** The whole trace rendered as Markdown (links point at the deciding lines). */
  readonly markdown: string;
}

/**
 * Client → server: route a URL through the configs and explain the result.
 * Sent by the "HAProxy: Simulate Route…" command.
 */
export const SimulateRequest = new RequestType<SimulateParams, SimulateResult, void>('haproxy/simulate');

export interface TrustParams {
  readonly trusted: boolean;
}

/**
 * Client → server: the workspace trust changed (VS Code grants trust without
 * a restart). Restricted settings take effect only once trusted.
 */
export const DidChangeTrustNotification = new NotificationType<TrustParams>('haproxy/didChangeTrust');
