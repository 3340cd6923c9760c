import { accept, refuse, type Decision } from '@qorgau/domain';

export interface RehabilitationPlan {
  readonly openedAt: Date;
  readonly assessedAt: Date | null;
  readonly sessions: number;
  readonly endedAt: Date | null;
}

export type Step =
  { readonly kind: 'Assess'; readonly at: Date } | { readonly kind: 'HoldSession'; readonly at: Date } | { readonly kind: 'End'; readonly at: Date; readonly outcome: 'COMPLETED' | 'DISCONTINUED' };

/**
 * A rehabilitation runs assessment → sessions → completion (or is discontinued at any point). An
 * ended plan is final; completion needs at least one session; nothing is dated before the referral.
 */
export function decide(plan: RehabilitationPlan, step: Step): Decision<Step> {
  if (plan.endedAt) return refuse({ rule: 'ended-plan-is-final', message: `the rehabilitation ended on ${plan.endedAt.toISOString().slice(0, 10)}` });
  if (step.at < plan.openedAt) return refuse({ rule: 'after-referral', field: fieldOf(step), message: `cannot be before the case was referred (${plan.openedAt.toISOString()})` });
  switch (step.kind) {
    case 'Assess':
      return plan.assessedAt ? refuse({ rule: 'assessed-once', message: 'the initial assessment was already done' }) : accept(step);
    case 'HoldSession':
      return plan.assessedAt ? accept(step) : refuse({ rule: 'assessment-first', message: 'sessions follow the initial assessment; record it first' });
    case 'End':
      if (step.outcome === 'COMPLETED' && plan.sessions === 0)
        return refuse({ rule: 'completion-needs-sessions', message: 'a rehabilitation is completed after at least one session; discontinue it otherwise' });
      return accept(step);
  }
}

const fieldOf = (step: Step): string => (step.kind === 'Assess' ? 'assessedAt' : step.kind === 'HoldSession' ? 'heldAt' : 'endedAt');
