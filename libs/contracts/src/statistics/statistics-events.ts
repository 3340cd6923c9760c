import { z } from 'zod';
import { PeriodKindSchema } from '../vocabulary';

// Payload schemas of statistics' events: facts about reports, never their figures' sources.

export const ReportSubmittedV1 = z
  .object({
    reportId: z.uuid(),
    submittedAt: z.iso.datetime({ offset: true }),
    scope: z
      .string()
      .regex(/^(KZ|KZ-[0-9]{2})$/)
      .describe('KZ for the national report, or a region code'),
    periodKind: PeriodKindSchema,
    period: z
      .string()
      .regex(/^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$/)
      .describe('2026, 2026-Q1 or 2026-03'),
    catalogueVersion: z.number().int().min(1),
    figures: z.number().int().min(0),
  })
  .strict();
