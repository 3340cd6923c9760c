import { z } from 'zod';
import { DaySchema, MonthSchema, monthsOf, periodBounds, QuarterSchema, YearSchema } from '@qorgau/contracts';
import { badRequest, type FieldProblem } from '@qorgau/platform';
import { monthOf } from './figures/view-cells';
import type { ProjectionConfig } from './projection.config';

const month = MonthSchema;

/** The ways HQ names a reporting period: a month, a quarter, a year, a range of months, or a range of days (a grant period). */
export const periodQuery = z
  .object({
    month: month.optional().describe('One month, YYYY-MM'),
    quarter: QuarterSchema.optional().describe('One quarter, e.g. 2026-Q3'),
    year: YearSchema.optional().describe('One calendar year, e.g. 2026'),
    from: month.optional().describe('First month of a range, YYYY-MM (with to)'),
    to: month.optional().describe('Last month of a range, YYYY-MM (with from)'),
    start: DaySchema.optional().describe("First day of a range of days, YYYY-MM-DD (with end), e.g. a donor's grant period"),
    end: DaySchema.optional().describe('Last day of a range of days, YYYY-MM-DD (with start); both days are included'),
  })
  .strict();
export type PeriodQuery = z.output<typeof periodQuery>;

export interface ReportingPeriod {
  /** "2026-11", "2026-Q3", "2026", "2026-01..2026-06" or "2006-03-16..2008-03-16". */
  readonly period: string;
  /** The months it touches, YYYY-MM. */
  readonly from: string;
  readonly to: string;
  /** Its first and last day, YYYY-MM-DD, both included: what the counters are read by. */
  readonly start: string;
  readonly end: string;
}

/** The days of a range of whole months. */
const wholeMonths = (period: string, from: string, to: string): ReportingPeriod => ({ period, from, to, start: `${from}-01`, end: periodBounds('MONTH', to).end });

/** The days a query covers; the current month when it names none. */
export function reportingPeriod(query: PeriodQuery, currentMonth: string): ReportingPeriod | FieldProblem[] {
  const given = (['month', 'quarter', 'year', 'from', 'start'] as const).filter((field) => query[field] !== undefined);
  if (query.to !== undefined && query.from === undefined) return [{ field: 'from', message: 'from and to go together' }];
  if (query.end !== undefined && query.start === undefined) return [{ field: 'start', message: 'start and end go together' }];
  if (given.length > 1) return [{ field: given[1]!, message: `give one of month, quarter, year, from/to or start/end, not ${given.join(' and ')}` }];
  if (query.month) return wholeMonths(query.month, query.month, query.month);
  if (query.quarter) {
    const { from, to } = monthsOf('QUARTER', query.quarter);
    return wholeMonths(query.quarter, from, to);
  }
  if (query.year) {
    const { from, to } = monthsOf('YEAR', query.year);
    return wholeMonths(query.year, from, to);
  }
  if (query.from) {
    if (!query.to) return [{ field: 'to', message: 'from and to go together' }];
    if (query.from > query.to) return [{ field: 'from', message: 'must not be after to' }];
    return wholeMonths(`${query.from}..${query.to}`, query.from, query.to);
  }
  if (query.start) {
    if (!query.end) return [{ field: 'end', message: 'start and end go together' }];
    if (query.start > query.end) return [{ field: 'start', message: 'must not be after end' }];
    return { period: `${query.start}..${query.end}`, from: query.start.slice(0, 7), to: query.end.slice(0, 7), start: query.start, end: query.end };
  }
  return wholeMonths(currentMonth, currentMonth, currentMonth);
}

/** The period a query names (the current month in the reporting time zone when it names none); 400 when it cannot be read. */
export function periodOf(query: PeriodQuery, config: Pick<ProjectionConfig, 'REPORTING_TIME_ZONE'>): ReportingPeriod {
  const period = reportingPeriod(query, monthOf(new Date().toISOString(), config.REPORTING_TIME_ZONE));
  if (Array.isArray(period)) throw badRequest(period);
  return period;
}
