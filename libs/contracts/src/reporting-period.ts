import { z } from 'zod';
import type { PeriodKind } from './vocabulary';

/**
 * Reporting periods as the NGO names them — a month (2026-03), a quarter (2026-Q1), a year (2026),
 * or the days of a donor's grant (2006-03-16..2008-03-16, both days included) — and Kazakhstan's calendar: one time zone, UTC+5, all year, so a month starts at its first
 * midnight there. One module for every service that reads or writes a period.
 */
export const KAZAKHSTAN_UTC_OFFSET_MS = 5 * 3_600_000;

export const PERIOD_FORMATS: Record<PeriodKind, { readonly pattern: RegExp; readonly example: string }> = {
  MONTH: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-03' },
  QUARTER: { pattern: /^\d{4}-Q[1-4]$/, example: '2026-Q1' },
  YEAR: { pattern: /^\d{4}$/, example: '2026' },
  RANGE: { pattern: /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/, example: '2006-03-16..2008-03-16' },
};

/** A day of the calendar, YYYY-MM-DD (a real one: not 2026-02-30). */
export const DaySchema = z.iso.date({ error: 'must be a day as YYYY-MM-DD' });

export const MonthSchema = z.string().regex(PERIOD_FORMATS.MONTH.pattern, 'must be a month as YYYY-MM');
export const QuarterSchema = z.string().regex(PERIOD_FORMATS.QUARTER.pattern, 'must be a quarter as YYYY-Q1 … YYYY-Q4');
export const YearSchema = z.string().regex(PERIOD_FORMATS.YEAR.pattern, 'must be a year as YYYY');

/** The problem with a period for its kind, if any. */
export function periodProblem(kind: PeriodKind, period: string): string | null {
  if (!PERIOD_FORMATS[kind].pattern.test(period)) return `must be a ${kind === 'RANGE' ? 'range of days' : kind.toLowerCase()} like ${PERIOD_FORMATS[kind].example}`;
  if (kind !== 'RANGE') return null;
  const [start, end] = period.split('..') as [string, string];
  if (!DaySchema.safeParse(start).success || !DaySchema.safeParse(end).success) return 'must name real days, like 2006-03-16..2008-03-16';
  return start <= end ? null : 'the first day must not be after the last';
}

/** The first and last month (YYYY-MM) of a well-formed period. */
export function monthsOf(kind: PeriodKind, period: string): { readonly from: string; readonly to: string } {
  if (kind === 'RANGE') {
    const { start, end } = periodBounds(kind, period);
    return { from: start.slice(0, 7), to: end.slice(0, 7) };
  }
  const year = period.slice(0, 4);
  if (kind === 'YEAR') return { from: `${year}-01`, to: `${year}-12` };
  if (kind === 'QUARTER') {
    const quarter = Number(period.slice(6));
    return { from: `${year}-${pad(quarter * 3 - 2)}`, to: `${year}-${pad(quarter * 3)}` };
  }
  return { from: period, to: period };
}

/** First and last day of a well-formed period (ISO dates). */
export function periodBounds(kind: PeriodKind, period: string): { readonly start: string; readonly end: string } {
  if (kind === 'RANGE') {
    const [start, end] = period.split('..') as [string, string];
    return { start, end };
  }
  const { from, to } = monthsOf(kind, period);
  const last = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5)), 0));
  return { start: `${from}-01`, end: last.toISOString().slice(0, 10) };
}

/** The Kazakhstan month (YYYY-MM) an instant falls in. */
export const kazakhstanMonth = (at: Date): string => new Date(at.getTime() + KAZAKHSTAN_UTC_OFFSET_MS).toISOString().slice(0, 7);

/** The instants a Kazakhstan month spans: from its first midnight there, until the next month's. */
export function monthInstants(month: string): { readonly gte: Date; readonly lt: Date } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { gte: new Date(Date.UTC(year, m - 1, 1) - KAZAKHSTAN_UTC_OFFSET_MS), lt: new Date(Date.UTC(year, m, 1) - KAZAKHSTAN_UTC_OFFSET_MS) };
}

const pad = (n: number): string => String(n).padStart(2, '0');
