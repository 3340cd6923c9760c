import { kazakhstanMonth, monthInstants, monthsOf, periodBounds, periodProblem } from './reporting-period';

describe('reporting periods', () => {
  it('names the months and days of a month, a quarter and a year', () => {
    expect(monthsOf('QUARTER', '2026-Q3')).toEqual({ from: '2026-07', to: '2026-09' });
    expect(monthsOf('YEAR', '2026')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(periodBounds('QUARTER', '2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds('MONTH', '2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });

  it("names a grant period's days and the months it touches", () => {
    expect(periodBounds('RANGE', '2006-03-16..2008-03-16')).toEqual({ start: '2006-03-16', end: '2008-03-16' });
    expect(monthsOf('RANGE', '2006-03-16..2008-03-16')).toEqual({ from: '2006-03', to: '2008-03' });
  });

  it('says what is wrong with a period for its kind', () => {
    expect(periodProblem('QUARTER', '2025-13')).toBe('must be a quarter like 2026-Q1');
    expect(periodProblem('MONTH', '2025-12')).toBeNull();
    expect(periodProblem('RANGE', '2006-03-16..2008-03-16')).toBeNull();
    expect(periodProblem('RANGE', '2006-03-16')).toBe('must be a range of days like 2006-03-16..2008-03-16');
    expect(periodProblem('RANGE', '2006-02-30..2006-03-16')).toBe('must name real days, like 2006-03-16..2008-03-16');
    expect(periodProblem('RANGE', '2008-03-16..2006-03-16')).toBe('the first day must not be after the last');
  });

  it("keeps Kazakhstan's months: 23:30 UTC on the last day is already the next month there", () => {
    expect(kazakhstanMonth(new Date('2026-03-31T19:30:00Z'))).toBe('2026-04');
    expect(monthInstants('2026-04')).toEqual({ gte: new Date('2026-03-31T19:00:00Z'), lt: new Date('2026-04-30T19:00:00Z') });
  });
});
