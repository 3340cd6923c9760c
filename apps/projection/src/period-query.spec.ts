import { reportingPeriod } from './period-query';

describe('reportingPeriod', () => {
  it.each([
    [{ month: '2026-05' }, { period: '2026-05', from: '2026-05', to: '2026-05' }],
    [{ quarter: '2026-Q3' }, { period: '2026-Q3', from: '2026-07', to: '2026-09' }],
    [{ quarter: '2026-Q1' }, { period: '2026-Q1', from: '2026-01', to: '2026-03' }],
    [{ year: '2025' }, { period: '2025', from: '2025-01', to: '2025-12' }],
    [
      { from: '2026-01', to: '2026-06' },
      { period: '2026-01..2026-06', from: '2026-01', to: '2026-06' },
    ],
    [{}, { period: '2026-11', from: '2026-11', to: '2026-11' }],
  ])('reads %j', (query, expected) => expect(reportingPeriod(query, '2026-11')).toEqual(expected));

  it.each([
    [{ month: '2026-05', year: '2026' }, 'year'],
    [{ from: '2026-01' }, 'to'],
    [{ to: '2026-01' }, 'from'],
    [{ from: '2026-06', to: '2026-01' }, 'from'],
  ])('names the field at fault in %j', (query, field) => {
    expect(reportingPeriod(query, '2026-11')).toEqual([expect.objectContaining({ field })]);
  });
});
