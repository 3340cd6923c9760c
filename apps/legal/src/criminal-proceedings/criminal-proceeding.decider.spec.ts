import { advance, deliverVerdict, type CriminalProceeding } from './criminal-proceeding.decider';

const at = (day: number) => new Date(Date.UTC(2026, 2, day));
const proceeding = (overrides: Partial<CriminalProceeding> = {}): CriminalProceeding => ({ stage: 'COMPLAINT', stageAt: at(1), verdict: null, ...overrides });

describe('criminal proceedings', () => {
  it('move forward, possibly skipping a stage', () => {
    expect(advance(proceeding(), 'INVESTIGATION', at(2))).toEqual({ ok: true, value: { stage: 'INVESTIGATION', stageAt: at(2) } });
    expect(advance(proceeding(), 'PROSECUTION', at(2)).ok).toBe(true);
  });

  it('never move back or stay', () => {
    const decision = advance(proceeding({ stage: 'PROSECUTION' }), 'INVESTIGATION', at(5));
    expect(decision).toEqual({ ok: false, violations: [expect.objectContaining({ rule: 'stages-move-forward' })] });
    expect(advance(proceeding({ stage: 'TRIAL' }), 'TRIAL', at(5)).ok).toBe(false);
  });

  it('refuse a stage dated before the previous one, naming the field', () => {
    expect(advance(proceeding({ stageAt: at(10) }), 'INVESTIGATION', at(2))).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'at' })] });
  });

  it('end with a verdict at trial, and only once', () => {
    expect(deliverVerdict(proceeding({ stage: 'TRIAL' }), 'CONVICTION', 8, at(20))).toEqual({ ok: true, value: { verdict: 'CONVICTION', sentenceYears: 8, deliveredAt: at(20) } });
    expect(deliverVerdict(proceeding({ stage: 'PROSECUTION' }), 'CONVICTION', 8, at(20))).toEqual({ ok: false, violations: [expect.objectContaining({ rule: 'verdict-at-trial' })] });
    expect(deliverVerdict(proceeding({ stage: 'TRIAL', verdict: 'ACQUITTAL' }), 'CONVICTION', 8, at(20)).ok).toBe(false);
    expect(advance(proceeding({ stage: 'TRIAL', verdict: 'CONVICTION' }), 'TRIAL', at(21)).ok).toBe(false);
  });

  it('give no sentence on an acquittal', () => {
    expect(deliverVerdict(proceeding({ stage: 'TRIAL' }), 'ACQUITTAL', 3, at(20))).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'sentenceYears' })] });
  });
});
