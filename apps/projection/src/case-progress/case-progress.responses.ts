import { z } from 'zod';
import { RegionCodeSchema } from '@qorgau/contracts';

// What case progress answers, for the OpenAPI document and the clients generated from it.

const scope = z.union([z.literal('national'), RegionCodeSchema]);
const month = z.string().regex(/^\d{4}-\d{2}$/);

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
