/**
 * The differential rig: a real HAProxy on loopback plus an HTTP client that
 * counts which server answered. Shared by every differential suite.
 */
export { findHaproxy, requireHaproxy, differentialSkipped, freePorts, echoListen, startHaproxy, RIG_PREAMBLE, type RunningHaproxy, type StartOptions } from './haproxy-rig';
export { createRigClient, countReplies, type RigClient, type RigReply, type RigRequest } from './http-client';
export { createRng, type Rng } from './seeded-rng';
