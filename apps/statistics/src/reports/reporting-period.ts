import { z } from 'zod';
import { PeriodKindSchema, periodBounds, type PeriodKind } from '@qorgau/contracts';

/** A reporting period as the NGO names it: a month, a quarter, a year, or a range of days (a grant period). */
export const reportingPeriodFields = {
  periodKind: PeriodKindSchema,
  period: z.string().max(22).describe('2026-03 for a month, 2026-Q1 for a quarter, 2026 for a year, 2006-03-16..2008-03-16 for a range of days (both included)'),
};

/** The projection's query parameters for the period. */
export function periodQueryParameter(kind: PeriodKind, period: string): string {
  if (kind !== 'RANGE') return `${kind.toLowerCase()}=${encodeURIComponent(period)}`;
  const { start, end } = periodBounds(kind, period);
  return `start=${start}&end=${end}`;
}
