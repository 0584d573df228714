/*
 * Custom requests and notifications between the VS Code client and the
 * server. Imported by both sides (the client by relative path; esbuild
 * bundles it), so it may import only the protocol library.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

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
