import { specification } from '@qorgau/testing';
import { decide, type RehabilitationPlan } from './rehabilitation-plan.decider';

const day = (d: number) => new Date(Date.UTC(2026, 3, d));
const plan = (overrides: Partial<RehabilitationPlan> = {}): RehabilitationPlan => ({ openedAt: day(1), assessedAt: null, sessions: 0, endedAt: null, ...overrides });
const rehabilitation = specification(decide);

describe('a rehabilitation plan', () => {
  it('starts with an assessment, done once', () => {
    rehabilitation
      .given(plan())
      .when({ kind: 'Assess', at: day(2) })
      .then({ kind: 'Assess', at: day(2) });
    rehabilitation
      .given(plan({ assessedAt: day(2) }))
      .when({ kind: 'Assess', at: day(3) })
      .thenRefused('assessed-once', null);
  });

  it('holds sessions only after the assessment', () => {
    rehabilitation
      .given(plan())
      .when({ kind: 'HoldSession', at: day(3) })
      .thenRefused('assessment-first', null);
    rehabilitation
      .given(plan({ assessedAt: day(2) }))
      .when({ kind: 'HoldSession', at: day(3) })
      .then({ kind: 'HoldSession', at: day(3) });
  });

  it('is completed after at least one session, or discontinued at any time', () => {
    rehabilitation
      .given(plan({ assessedAt: day(2) }))
      .when({ kind: 'End', at: day(9), outcome: 'COMPLETED' })
      .thenRefused('completion-needs-sessions', null);
    rehabilitation
      .given(plan({ assessedAt: day(2), sessions: 4 }))
      .when({ kind: 'End', at: day(9), outcome: 'COMPLETED' })
      .then({ kind: 'End', at: day(9), outcome: 'COMPLETED' });
    rehabilitation
      .given(plan())
      .when({ kind: 'End', at: day(9), outcome: 'DISCONTINUED' })
      .then({ kind: 'End', at: day(9), outcome: 'DISCONTINUED' });
  });

  it('is final once ended, and refuses dates before the referral naming the field', () => {
    rehabilitation
      .given(plan({ endedAt: day(9) }))
      .when({ kind: 'HoldSession', at: day(10) })
      .thenRefused('ended-plan-is-final', null);
    rehabilitation
      .given(plan({ openedAt: day(5) }))
      .when({ kind: 'Assess', at: day(2) })
      .thenRefused('after-referral', 'assessedAt');
  });
});
