/**
 * The routing simulator: what HAProxy does with a request, offline, and why.
 * `simulateRequest` is the entry point; `renderTrace` turns its explanation
 * into text for every adapter.
 */
export { simulateRequest, type SimulationOptions } from './route';
export { parseRequestUrl, type SimulatedRequest, type RequestHeader, type ParsedUrl } from './request';
export type { SimulationResult, RouteResult, DecidingLine, MapMatch, FinalRequest } from './result';
export { renderTrace, type TraceStep, type TraceKind } from './trace';
export type { ServerShare } from '../balance';
