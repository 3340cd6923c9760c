import { reportingPeriod } from './period-query';

describe('reportingPeriod', () => {
  it.each([
    [{ month: '2026-05' }, { period: '2026-05', from: '2026-05', to: '2026-05', start: '2026-05-01', end: '2026-05-31' }],
    [{ quarter: '2026-Q3' }, { period: '2026-Q3', from: '2026-07', to: '2026-09', start: '2026-07-01', end: '2026-09-30' }],
    [{ quarter: '2026-Q1' }, { period: '2026-Q1', from: '2026-01', to: '2026-03', start: '2026-01-01', end: '2026-03-31' }],
    [{ year: '2024' }, { period: '2024', from: '2024-01', to: '2024-12', start: '2024-01-01', end: '2024-12-31' }],
    [
      { from: '2024-01', to: '2024-02' },
      { period: '2024-01..2024-02', from: '2024-01', to: '2024-02', start: '2024-01-01', end: '2024-02-29' },
    ],
    [
      { start: '2006-03-16', end: '2008-03-16' },
      { period: '2006-03-16..2008-03-16', from: '2006-03', to: '2008-03', start: '2006-03-16', end: '2008-03-16' },
    ],
    [{}, { period: '2026-11', from: '2026-11', to: '2026-11', start: '2026-11-01', end: '2026-11-30' }],
  ])('reads %j', (query, expected) => expect(reportingPeriod(query, '2026-11')).toEqual(expected));

  it.each([
    [{ month: '2026-05', year: '2026' }, 'year'],
    [{ from: '2026-01' }, 'to'],
    [{ to: '2026-01' }, 'from'],
    [{ from: '2026-06', to: '2026-01' }, 'from'],
    [{ start: '2026-03-16' }, 'end'],
    [{ end: '2026-03-16' }, 'start'],
    [{ start: '2026-03-16', end: '2026-03-15' }, 'start'],
    [{ month: '2026-03', start: '2026-03-16', end: '2026-04-15' }, 'start'],
  ])('names the field at fault in %j', (query, field) => {
    expect(reportingPeriod(query, '2026-11')).toEqual([expect.objectContaining({ field })]);
  });
});
