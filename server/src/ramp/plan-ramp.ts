import type { Server } from '../model/types';
import type { RampBackend } from './ramp-backend';
import { formatPercent, percentFraction, relativeWeights, stepWeights, type Fraction, type StepWeights } from './step-weights';
import { targetShare, type ServerState } from './target-share';

/** A ramp command the engine can plan from the config alone (rollback needs the journal). */
export type RampAction = 'next' | 'abort';

/** One server whose weight or backup flag changes. */
export interface ServerChange {
  readonly server: Server;
  readonly name: string;
  readonly role: 'source' | 'target';
  readonly before: ServerState;
  readonly after: ServerState;
}

/** Where a ramp backend stands now. */
export interface RampStatus {
  /** Exact target share now. */
  readonly share: Fraction;
  /** True when targets carry everything and every source is `backup`. */
  readonly complete: boolean;
  /** The largest configured step at or below the share (undefined below the first step). */
  readonly step: number | undefined;
  /** The step `next` would go to; undefined when complete. */
  readonly nextStep: number | undefined;
  readonly notes: readonly string[];
}

/** What one `next` or `abort` changes. */
export interface RampPlan {
  readonly action: RampAction;
  readonly from: Fraction;
  /** The share after the plan; equal to `from` when nothing changes. */
  readonly to: Fraction;
  /** The step percentage aimed at (`next` only). */
  readonly step: number | undefined;
  /** False when 0..256 weights cannot give the step exactly (the closest share is used). */
  readonly exact: boolean;
  readonly changes: readonly ServerChange[];
  /** Sentences for the user: inexact steps, reload needs, nothing to do. */
  readonly notes: readonly string[];
}

const WEIGHTLESS = new Set(['first', 'sticky']);

function stateOf(s: Server): ServerState {
  return { weight: s.settings.weight, backup: s.settings.backup };
}

function below(a: Fraction, percent: number): boolean {
  const p = percentFraction(percent);
  return a.numerator * p.denominator < p.numerator * a.denominator;
}

/**
 * The current target share and step of a ramp backend.
 *
 * Contract: pure; never throws. The share comes from the balance engine with
 * every server up.
 */
export function rampStatus(ramp: RampBackend): RampStatus {
  const { share, balance } = targetShare(ramp.backend, ramp.targets);
  const complete = share.numerator === share.denominator && ramp.sources.every((s) => s.settings.backup);
  const step = complete ? 100 : ramp.steps.filter((p) => p < 100 && !below(share, p)).pop();
  const nextStep = complete ? undefined : nextReachable(ramp, share).step;
  const notes = WEIGHTLESS.has(ramp.backend.settings.balance.algorithm) ? [...balance.notes] : [];
  return { share, complete, step, nextStep, notes };
}

/**
 * Plans `next` (to the first step above the current share; at 100% the
 * sources become `backup` with their other options kept) or `abort` (targets
 * weight 0, sources active). Weights are the smallest integers giving the
 * step exactly; several sources or targets keep their relative weights.
 *
 * Contract: pure; never throws. Returns a plan with no changes (and a note)
 * when there is nothing to do or when the balance algorithm ignores weights.
 */
export function planRamp(ramp: RampBackend, action: RampAction): RampPlan {
  const status = rampStatus(ramp);
  const algorithm = ramp.backend.settings.balance.algorithm;
  if (WEIGHTLESS.has(algorithm)) {
    return noChange(action, status.share, [`balance ${algorithm} ignores weights: a weight ramp cannot move traffic in backend '${ramp.name}'`]);
  }
  const wanted = action === 'abort' ? abortStates(ramp) : nextStates(ramp, status);
  if ('note' in wanted) {
    return noChange(action, status.share, [wanted.note]);
  }
  const changes = [...ramp.sources.map((s) => [s, 'source'] as const), ...ramp.targets.map((t) => [t, 'target'] as const)]
    .flatMap(([server, role]): ServerChange[] => {
      const after = wanted.states.get(server) ?? stateOf(server);
      const before = stateOf(server);
      return after.weight === before.weight && after.backup === before.backup ? [] : [{ server, name: server.name ?? '', role, before, after }];
    })
    .sort((a, b) => a.server.directive.span.start - b.server.directive.span.start);
  const to = targetShare(ramp.backend, ramp.targets, wanted.states).share;
  const notes = [...wanted.notes];
  if (changes.length === 0) {
    notes.push(`Backend '${ramp.name}' is already there: nothing to change`);
  }
  if (changes.some((c) => c.before.backup !== c.after.backup)) {
    notes.push('The backup flag cannot change on a running HAProxy: reload it to apply this step');
  }
  return { action, from: status.share, to, step: wanted.step, exact: wanted.exact, changes, notes };
}

function noChange(action: RampAction, share: Fraction, notes: string[]): RampPlan {
  return { action, from: share, to: share, step: undefined, exact: true, changes: [], notes };
}

interface WantedStates {
  readonly states: Map<Server, ServerState>;
  readonly step: number | undefined;
  readonly exact: boolean;
  readonly notes: string[];
}

/** Weights kept when the group already carries traffic, else even weights (so it can). */
function carrying(group: readonly Server[]): number[] {
  const weights = group.map((s) => s.settings.weight);
  if (weights.some((w) => w > 0)) {
    return weights;
  }
  return relativeWeights(weights);
}

/**
 * The first step above `share` whose weights really move traffic: a step
 * that 0..256 weights can only approximate at or below the current share is
 * skipped, so `next` never stays in place. 100% is always reachable.
 */
function nextReachable(ramp: RampBackend, share: Fraction): { step: number; weights: StepWeights | undefined } {
  for (const p of ramp.steps.filter((x) => x < 100 && below(share, x))) {
    const weights = stepWeights(percentFraction(p), ramp.targets.map((t) => t.settings.weight), ramp.sources.map((s) => s.settings.weight));
    if (weights.share.numerator * share.denominator > share.numerator * weights.share.denominator) {
      return { step: p, weights };
    }
  }
  return { step: 100, weights: undefined };
}

function nextStates(ramp: RampBackend, status: RampStatus): WantedStates | { note: string } {
  if (status.nextStep === undefined) {
    return { note: `Backend '${ramp.name}' is at 100%: every source is already backup` };
  }
  const { step, weights } = nextReachable(ramp, status.share);
  const states = new Map<Server, ServerState>();
  if (weights === undefined) {
    carrying(ramp.targets).forEach((w, i) => states.set(ramp.targets[i] as Server, { weight: w, backup: false }));
    carrying(ramp.sources).forEach((w, i) => states.set(ramp.sources[i] as Server, { weight: w, backup: true }));
    return { states, step, exact: true, notes: [] };
  }
  weights.targets.forEach((w, i) => states.set(ramp.targets[i] as Server, { weight: w, backup: false }));
  weights.sources.forEach((w, i) => states.set(ramp.sources[i] as Server, { weight: w, backup: false }));
  const notes = weights.exact
    ? []
    : [`${step}% cannot be expressed exactly with weights up to 256 while keeping the servers' relative weights: using ${formatPercent(weights.share)} (the closest)`];
  return { states, step, exact: weights.exact, notes };
}

function abortStates(ramp: RampBackend): WantedStates {
  const states = new Map<Server, ServerState>();
  for (const t of ramp.targets) {
    states.set(t, { weight: 0, backup: t.settings.backup });
  }
  carrying(ramp.sources).forEach((w, i) => states.set(ramp.sources[i] as Server, { weight: w, backup: false }));
  return { states, step: 0, exact: true, notes: [] };
}
