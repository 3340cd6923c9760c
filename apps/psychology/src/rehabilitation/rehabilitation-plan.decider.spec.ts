import { decide, type RehabilitationPlan } from './rehabilitation-plan.decider';

const day = (d: number) => new Date(Date.UTC(2026, 3, d));
const plan = (overrides: Partial<RehabilitationPlan> = {}): RehabilitationPlan => ({ openedAt: day(1), assessedAt: null, sessions: 0, endedAt: null, ...overrides });

describe('a rehabilitation plan', () => {
  it('starts with an assessment, done once', () => {
    expect(decide(plan(), { kind: 'Assess', at: day(2) }).ok).toBe(true);
    expect(decide(plan({ assessedAt: day(2) }), { kind: 'Assess', at: day(3) })).toEqual({ ok: false, violations: [expect.objectContaining({ rule: 'assessed-once' })] });
  });

  it('holds sessions only after the assessment', () => {
    expect(decide(plan(), { kind: 'HoldSession', at: day(3) })).toEqual({ ok: false, violations: [expect.objectContaining({ rule: 'assessment-first' })] });
    expect(decide(plan({ assessedAt: day(2) }), { kind: 'HoldSession', at: day(3) }).ok).toBe(true);
  });

  it('is completed after at least one session, or discontinued at any time', () => {
    expect(decide(plan({ assessedAt: day(2) }), { kind: 'End', at: day(9), outcome: 'COMPLETED' }).ok).toBe(false);
    expect(decide(plan({ assessedAt: day(2), sessions: 4 }), { kind: 'End', at: day(9), outcome: 'COMPLETED' }).ok).toBe(true);
    expect(decide(plan(), { kind: 'End', at: day(9), outcome: 'DISCONTINUED' }).ok).toBe(true);
  });

  it('is final once ended, and refuses dates before the referral naming the field', () => {
    expect(decide(plan({ endedAt: day(9) }), { kind: 'HoldSession', at: day(10) }).ok).toBe(false);
    expect(decide(plan({ openedAt: day(5) }), { kind: 'Assess', at: day(2) })).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'assessedAt' })] });
  });
});
