import { review } from './report.decider';

describe('report review', () => {
  it('goes draft → approved → submitted', () => {
    expect(review('DRAFT', 'Approve')).toEqual({ ok: true, value: 'APPROVED' });
    expect(review('APPROVED', 'Submit')).toEqual({ ok: true, value: 'SUBMITTED' });
  });

  it('does not skip approval, and never reopens a submitted report', () => {
    expect(review('DRAFT', 'Submit').ok).toBe(false);
    expect(review('SUBMITTED', 'Approve').ok).toBe(false);
    expect(review('SUBMITTED', 'Recompute').ok).toBe(false);
    expect(review('APPROVED', 'Recompute').ok).toBe(false);
  });

  it('exports only reviewed reports', () => {
    expect(review('DRAFT', 'Export').ok).toBe(false);
    expect(review('APPROVED', 'Export').ok).toBe(true);
    expect(review('SUBMITTED', 'Export').ok).toBe(true);
  });
});
