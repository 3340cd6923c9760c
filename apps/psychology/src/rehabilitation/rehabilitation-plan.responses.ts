import { z } from 'zod';
import { ConsultationFormatSchema, RegionCodeSchema, RehabilitationOutcomeSchema } from '@qorgau/contracts';

export const stepRecorded = z.object({ planId: z.uuid(), caseId: z.uuid(), step: z.enum(['Assess', 'HoldSession', 'End']), at: z.iso.datetime({ offset: true }) });
export const planQueue = z.array(
  z.object({
    caseId: z.uuid(),
    planId: z.uuid(),
    region: RegionCodeSchema,
    openedAt: z.iso.datetime({ offset: true }),
    assessedAt: z.iso.datetime({ offset: true }).nullable(),
    sessions: z.number().int(),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    outcome: RehabilitationOutcomeSchema.nullable(),
  }),
);
export const planDetails = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  region: RegionCodeSchema,
  openedAt: z.iso.datetime({ offset: true }),
  assessedAt: z.iso.datetime({ offset: true }).nullable(),
  assessmentNote: z.string().nullable().describe('Personal; psychologists only'),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  outcome: RehabilitationOutcomeSchema.nullable(),
  sessions: z.array(z.object({ id: z.uuid(), heldAt: z.iso.datetime({ offset: true }), format: ConsultationFormatSchema, note: z.string().nullable().describe('Personal; psychologists only') })),
});
