import { z } from 'zod';
import { PeriodKindSchema, type PeriodKind } from '@qorgau/contracts';

const FORMATS: Record<PeriodKind, { pattern: RegExp; example: string }> = {
  MONTH: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-03' },
  QUARTER: { pattern: /^\d{4}-Q[1-4]$/, example: '2026-Q1' },
  YEAR: { pattern: /^\d{4}$/, example: '2026' },
};

/** A reporting period as the NGO names it: a month, a quarter or a year. */
export const reportingPeriodFields = {
  periodKind: PeriodKindSchema,
  period: z.string().max(8).describe('2026-03 for a month, 2026-Q1 for a quarter, 2026 for a year'),
};

/** The problem with a period for its kind, if any. */
export function periodProblem(kind: PeriodKind, period: string): string | null {
  return FORMATS[kind].pattern.test(period) ? null : `must be a ${kind.toLowerCase()} like ${FORMATS[kind].example}`;
}

/** The projection's query parameter for the period. */
export const periodQueryParameter = (kind: PeriodKind, period: string): string => `${kind.toLowerCase()}=${encodeURIComponent(period)}`;

/** First and last day of the period (ISO dates). */
export function periodBounds(kind: PeriodKind, period: string): { start: string; end: string } {
  const year = Number(period.slice(0, 4));
  const [first, last] = kind === 'YEAR' ? [1, 12] : kind === 'QUARTER' ? [Number(period.slice(6)) * 3 - 2, Number(period.slice(6)) * 3] : [Number(period.slice(5)), Number(period.slice(5))];
  const end = new Date(Date.UTC(year, last, 0));
  return { start: `${year}-${String(first).padStart(2, '0')}-01`, end: end.toISOString().slice(0, 10) };
}
