import { z } from 'zod';
import { RegionCodeSchema } from '@qorgau/contracts';

// What the views answer, for the OpenAPI document and the clients generated from it.

const scope = z.union([z.literal('national'), RegionCodeSchema]);
const month = z.string().regex(/^\d{4}-\d{2}$/);

export const figuresView = z.object({
  scope,
  period: z.string().describe('As asked: 2026-Q3, 2026, 2026-11 or 2026-01..2026-06'),
  from: month,
  to: month,
  generation: z.number().int(),
  catalogueVersion: z.number().int(),
  freshness: z.object({ eventsApplied: z.number().int(), lastAppliedAt: z.iso.datetime({ offset: true }).nullable() }),
  metrics: z.record(
    z.string().describe('Indicator code from the catalogue'),
    z.object({
      total: z.number(),
      breakdowns: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number(), share: z.number() }))),
    }),
  ),
});

const caseProgressRow = z.object({
  caseId: z.uuid(),
  region: RegionCodeSchema,
  openedMonth: month.nullable(),
  identifiedMonth: month.nullable(),
  assistedMonth: month.nullable(),
  returnedMonth: month.nullable(),
  reintegratedMonth: month.nullable(),
  closedMonth: month.nullable(),
  outcome: z.string().nullable(),
});

export const caseProgressView = z.object({
  scope,
  period: z.string(),
  funnel: z
    .object(
      Object.fromEntries(['opened', 'identified', 'assisted', 'closed', 'returnedHome', 'reintegrated'].map((stage) => [stage, z.number().int().nullable()])) as Record<
        'opened' | 'identified' | 'assisted' | 'closed' | 'returnedHome' | 'reintegrated',
        z.ZodNullable<z.ZodNumber>
      >,
    )
    .describe('Counts of cases; null where a small count is withheld (HQ)'),
  cases: z.array(caseProgressRow),
});

export const caseHistoryView = caseProgressRow.extend({
  history: z.array(z.object({ month, step: z.string().describe('REFERRED_TO_LEGAL, REHABILITATION_COMPLETED, …') })),
});

export const projectionHealth = z.object({ status: z.literal('ok'), generation: z.number().int(), eventsApplied: z.number().int(), lastAppliedAt: z.iso.datetime({ offset: true }).nullable() });
