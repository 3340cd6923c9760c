import { z } from 'zod';
import { AgeBandSchema, ConsultationFormatSchema, PresentingIssueSchema, PsychologyClientTypeSchema, RehabilitationOutcomeSchema, SexSchema } from '../vocabulary';

// Payload schemas of psychology's events. Notes and anything said in a session stay in psychology,
// encrypted and readable by psychologists only; events carry categories and pseudonymous ids.

const timestamp = z.iso.datetime({ offset: true });

export const PsychologicalConsultationGivenV1 = z
  .object({
    consultationId: z.uuid(),
    givenAt: timestamp,
    clientType: PsychologyClientTypeSchema,
    clientSex: SexSchema,
    clientAgeBand: AgeBandSchema,
    format: ConsultationFormatSchema,
    presentingIssues: z.array(PresentingIssueSchema).min(1).max(10),
    anonymous: z.boolean(),
  })
  .strict();

/** Psychology took on a victim's case (from an intake referral): a rehabilitation plan opens. */
export const RehabilitationPlanOpenedV1 = z
  .object({
    planId: z.uuid(),
    caseId: z.uuid(),
    referralId: z.uuid().nullable(),
    openedAt: timestamp,
  })
  .strict();

export const RehabilitationAssessedV1 = z.object({ planId: z.uuid(), caseId: z.uuid(), assessedAt: timestamp }).strict();

export const RehabilitationSessionHeldV1 = z.object({ planId: z.uuid(), caseId: z.uuid(), heldAt: timestamp, format: ConsultationFormatSchema }).strict();

export const RehabilitationEndedV1 = z.object({ planId: z.uuid(), caseId: z.uuid(), endedAt: timestamp, outcome: RehabilitationOutcomeSchema, sessions: z.number().int().min(0).max(1000) }).strict();
