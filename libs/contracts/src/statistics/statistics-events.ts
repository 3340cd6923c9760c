import { z } from 'zod';
import { PeriodKindSchema } from '../vocabulary';

// Payload schemas of statistics' events: facts about reports, never their figures' sources.

const reportFields = {
  reportId: z.uuid(),
  submittedAt: z.iso.datetime({ offset: true }),
  scope: z
    .string()
    .regex(/^(KZ|KZ-[0-9]{2})$/)
    .describe('KZ for the national report, or a region code'),
  catalogueVersion: z.number().int().min(1),
  figures: z.number().int().min(0),
};

/** Version 1: calendar periods only. */
export const ReportSubmittedV1 = z
  .object({
    ...reportFields,
    periodKind: z.enum(['MONTH', 'QUARTER', 'YEAR']),
    period: z
      .string()
      .regex(/^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$/)
      .describe('2026, 2026-Q1 or 2026-03'),
  })
  .strict();

/** Version 2: a report may also cover a range of days (a donor's grant period). Every version 1 payload is a version 2 one. */
export const ReportSubmittedV2 = z
  .object({
    ...reportFields,
    periodKind: PeriodKindSchema,
    period: z
      .string()
      .regex(/^[0-9]{4}(-Q[1-4]|-[0-9]{2})?$|^[0-9]{4}-[0-9]{2}-[0-9]{2}\.\.[0-9]{4}-[0-9]{2}-[0-9]{2}$/)
      .describe('2026, 2026-Q1, 2026-03, or 2006-03-16..2008-03-16 (both days included)'),
  })
  .strict();
