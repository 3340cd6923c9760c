import { z } from 'zod';
import { PeriodKindSchema, TOTAL } from '@qorgau/contracts';
import type { StatisticsTx } from '../database/statistics-prisma';
import type { Cell } from '../exports/suppression';
import { INDICATOR_LABELS } from './indicator-labels';

export type ReportRow = NonNullable<Awaited<ReturnType<StatisticsTx['report']['findUnique']>>>;

/** A report as the API answers it (see summary and view below). */
export const reportSummary = z.object({
  id: z.uuid(),
  scope: z.string().describe('KZ for a national report, or a region code'),
  periodKind: PeriodKindSchema,
  period: z.string(),
  status: z.enum(['DRAFT', 'APPROVED', 'SUBMITTED']),
  catalogueVersion: z.number().int(),
  computedAt: z.iso.datetime({ offset: true }),
  eventsApplied: z.number().int(),
  createdBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime({ offset: true }).nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
});
export const reportView = reportSummary.extend({
  figures: z.record(
    z.string().describe('Indicator code'),
    z.object({
      pillar: z.string(),
      title: z.string(),
      unit: z.string(),
      total: z.number(),
      breakdowns: z.record(z.string(), z.record(z.string(), z.number())),
      regions: z.record(z.string(), z.number()).describe("Each region's total, in a national report"),
    }),
  ),
});

/** What a report is, without its figures. */
export function summary(row: ReportRow) {
  return {
    id: row.id,
    scope: row.scope,
    periodKind: row.periodKind,
    period: row.period,
    status: row.status,
    catalogueVersion: row.catalogueVersion,
    computedAt: row.computedAt.toISOString(),
    eventsApplied: Number(row.eventsApplied),
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/** A report as people read it: each figure's total and breakdowns for the report's scope, and each region's total. */
export function view(row: ReportRow) {
  const cells = [...(row.figures as unknown as Cell[]), ...(row.official as unknown as Cell[])];
  const figures: Record<string, { pillar: string; title: string; unit: string; total: number; breakdowns: Record<string, Record<string, number>>; regions: Record<string, number> }> = {};
  for (const cell of cells) {
    const label = INDICATOR_LABELS.get(cell.indicator);
    const figure = (figures[cell.indicator] ??= { pillar: label?.pillar ?? '', title: label?.title ?? cell.indicator, unit: label?.unit ?? '', total: 0, breakdowns: {}, regions: {} });
    if (cell.orgUnit !== row.scope) {
      if (cell.dimension === TOTAL.dimension) figure.regions[cell.orgUnit] = cell.count;
    } else if (cell.dimension === TOTAL.dimension) figure.total = cell.count;
    else (figure.breakdowns[cell.dimension] ??= {})[cell.value] = cell.count;
  }
  return { ...summary(row), figures };
}
