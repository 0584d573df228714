/**
 * Weight ramps and path-by-path helpers: planning and rendering are pure;
 * applying (files, journal, runtime socket) is the adapters' job (apply/).
 */
export { DEFAULT_RAMP_STEPS, DEFAULT_TARGET_PATTERN, resolveRampBackend, type RampBackend, type RampOptions, type RampProblem } from './ramp-backend';
export { findRampAnnotation, parseSteps, type RampAnnotation } from './ramp-annotation';
export { planRamp, rampStatus, type RampAction, type RampPlan, type RampStatus, type ServerChange } from './plan-ramp';
export { MAX_WEIGHT, formatPercent, fraction, percentFraction, stepWeights, type Fraction, type StepWeights } from './step-weights';
export { targetShare, balanceSetupOf, type ServerState, type TargetShare } from './target-share';
export { applyReplacements, renderRampEdits, type TextReplacement } from './render-ramp';
export { unifiedDiff } from './unified-diff';
export { lineChanges, restoreLineChanges, splitKeepingBreaks, type LineChange } from './line-changes';
export { applicationStem, backendChain, cloudShare, describeLink, type ChainLink } from './backend-chain';
export { planPromote, type PromotePlan } from './promote-map-line';
export { planReplication, literalPrefix, pathRegex, REPLICATION_STEPS, type ReplicationOptions, type ReplicationPlan } from './replication-plan';
export { describeShare, rampPlanJson, renderRampPlan, renderRampStatus } from './ramp-report';
export { rampableBackends, type RampableBackend } from './rampable-backends';
