import type { RampBackend } from './ramp-backend';
import type { RampPlan, RampStatus } from './plan-ramp';
import { formatPercent, type Fraction } from './step-weights';

/** `1/4 (25%)`. */
export function describeShare(f: Fraction): string {
  return `${f.numerator}/${f.denominator} (${formatPercent(f)})`;
}

function serverLine(ramp: RampBackend, name: string | undefined, role: string): string {
  const s = [...ramp.sources, ...ramp.targets].find((x) => x.name === name);
  return `  ${role} ${name ?? '?'}: weight ${s?.settings.weight ?? '?'}${s?.settings.backup ? ' backup' : ''}`;
}

/** The text of `ramp status`. */
export function renderRampStatus(ramp: RampBackend, status: RampStatus): string {
  const lines = [
    `Backend ${ramp.name}: targets receive ${describeShare(status.share)}`,
    `  step: ${status.complete ? '100% (sources are backup)' : status.step === undefined ? 'before the first step' : `${status.step}%`}; next: ${status.nextStep === undefined ? 'none (ramp complete)' : `${status.nextStep}%`}`,
    `  steps: ${ramp.steps.join(', ')} (targets chosen by ${ramp.targetsFrom})`,
    ...ramp.sources.map((s) => serverLine(ramp, s.name, 'source')),
    ...ramp.targets.map((t) => serverLine(ramp, t.name, 'target')),
    ...status.notes.map((n) => `  note: ${n}`),
  ];
  return lines.join('\n') + '\n';
}

/** The summary line and notes of a planned `next` or `abort`. */
export function renderRampPlan(ramp: RampBackend, plan: RampPlan): string {
  const head = plan.action === 'abort'
    ? `Abort ramp of ${ramp.name}: ${describeShare(plan.from)} → ${describeShare(plan.to)}`
    : `Next step of ${ramp.name}: ${describeShare(plan.from)} → ${describeShare(plan.to)}${plan.step !== undefined ? ` (step ${plan.step}%)` : ''}`;
  const changes = plan.changes.map((c) => {
    const parts = [];
    if (c.before.weight !== c.after.weight) {
      parts.push(`weight ${c.before.weight} → ${c.after.weight}`);
    }
    if (c.before.backup !== c.after.backup) {
      parts.push(c.after.backup ? 'becomes backup' : 'no longer backup');
    }
    return `  ${c.role} ${c.name}: ${parts.join(', ')}`;
  });
  return [head, ...changes, ...plan.notes.map((n) => `  note: ${n}`)].join('\n') + '\n';
}

/** A plan as JSON-ready data (shares as `n/d` and percentages). */
export function rampPlanJson(plan: RampPlan): Record<string, unknown> {
  return {
    action: plan.action,
    from: { share: `${plan.from.numerator}/${plan.from.denominator}`, percent: (100 * plan.from.numerator) / plan.from.denominator },
    to: { share: `${plan.to.numerator}/${plan.to.denominator}`, percent: (100 * plan.to.numerator) / plan.to.denominator },
    step: plan.step ?? null,
    exact: plan.exact,
    changes: plan.changes.map((c) => ({ server: c.name, role: c.role, before: c.before, after: c.after })),
    notes: plan.notes,
  };
}
