import { z } from 'zod';
import { MonthSchema, monthsOf, QuarterSchema, YearSchema } from '@qorgau/contracts';
import { badRequest, type FieldProblem } from '@qorgau/platform';
import { monthOf } from './figures/view-cells';
import type { ProjectionConfig } from './projection.config';

const month = MonthSchema;

/** The ways HQ names a reporting period: a month, a quarter, a year, or a range of months. */
export const periodQuery = z
  .object({
    month: month.optional().describe('One month, YYYY-MM'),
    quarter: QuarterSchema.optional().describe('One quarter, e.g. 2026-Q3'),
    year: YearSchema.optional().describe('One calendar year, e.g. 2026'),
    from: month.optional().describe('First month of a range, YYYY-MM (with to)'),
    to: month.optional().describe('Last month of a range, YYYY-MM (with from)'),
  })
  .strict();
export type PeriodQuery = z.output<typeof periodQuery>;

export interface ReportingPeriod {
  /** "2026-11", "2026-Q3", "2026" or "2026-01..2026-06". */
  readonly period: string;
  readonly from: string;
  readonly to: string;
}

/** The months a query covers; the current month when it names none. */
export function reportingPeriod(query: PeriodQuery, currentMonth: string): ReportingPeriod | FieldProblem[] {
  const given = (['month', 'quarter', 'year', 'from'] as const).filter((field) => query[field] !== undefined);
  if (query.to !== undefined && query.from === undefined) return [{ field: 'from', message: 'from and to go together' }];
  if (given.length > 1) return [{ field: given[1]!, message: `give one of month, quarter, year or from/to, not ${given.join(' and ')}` }];
  if (query.month) return { period: query.month, from: query.month, to: query.month };
  if (query.quarter) return { period: query.quarter, ...monthsOf('QUARTER', query.quarter) };
  if (query.year) return { period: query.year, ...monthsOf('YEAR', query.year) };
  if (query.from) {
    if (!query.to) return [{ field: 'to', message: 'from and to go together' }];
    if (query.from > query.to) return [{ field: 'from', message: 'must not be after to' }];
    return { period: `${query.from}..${query.to}`, from: query.from, to: query.to };
  }
  return { period: currentMonth, from: currentMonth, to: currentMonth };
}

/** The period a query names (the current month in the reporting time zone when it names none); 400 when it cannot be read. */
export function periodOf(query: PeriodQuery, config: Pick<ProjectionConfig, 'REPORTING_TIME_ZONE'>): ReportingPeriod {
  const period = reportingPeriod(query, monthOf(new Date().toISOString(), config.REPORTING_TIME_ZONE));
  if (Array.isArray(period)) throw badRequest(period);
  return period;
}
