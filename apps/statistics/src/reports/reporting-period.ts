import { z } from 'zod';
import { PeriodKindSchema, type PeriodKind } from '@qorgau/contracts';

/** A reporting period as the NGO names it: a month, a quarter or a year. */
export const reportingPeriodFields = {
  periodKind: PeriodKindSchema,
  period: z.string().max(8).describe('2026-03 for a month, 2026-Q1 for a quarter, 2026 for a year'),
};

/** The projection's query parameter for the period. */
export const periodQueryParameter = (kind: PeriodKind, period: string): string => `${kind.toLowerCase()}=${encodeURIComponent(period)}`;
