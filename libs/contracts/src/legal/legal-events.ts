import { z } from 'zod';
import { CountryCodeSchema } from '../countries';
import {
  AgeBandSchema,
  AgencyTypeSchema,
  CriminalCodeArticleSchema,
  LegalAssistanceKindSchema,
  LegalClientTypeSchema,
  LegalConsultationOutcomeSchema,
  LegalTopicSchema,
  ProceedingStageSchema,
  RegulatorDecisionSchema,
  SexSchema,
  VerdictSchema,
} from '../vocabulary';

// Payload schemas of legal's events. The client, the agency and the accused are never named here:
// legal keeps them, encrypted; events carry categories, counts and pseudonymous ids.

const timestamp = z.iso.datetime({ offset: true });
const articles = z.array(CriminalCodeArticleSchema).min(1).max(10);

export const LegalConsultationGivenV1 = z
  .object({
    consultationId: z.uuid(),
    givenAt: timestamp,
    clientType: LegalClientTypeSchema,
    clientSex: SexSchema,
    clientAgeBand: AgeBandSchema,
    topics: z.array(LegalTopicSchema).min(1).max(10),
    outcome: LegalConsultationOutcomeSchema,
  })
  .strict();

/** Legal took on a victim's case (from an intake referral): the lawyer's work item. */
export const LegalAssistanceOpenedV1 = z
  .object({
    assistanceId: z.uuid(),
    caseId: z.uuid(),
    referralId: z.uuid().nullable(),
    openedAt: timestamp,
  })
  .strict();

export const LegalAssistanceProvidedV1 = z
  .object({
    assistanceId: z.uuid(),
    caseId: z.uuid(),
    kind: LegalAssistanceKindSchema,
    providedAt: timestamp,
  })
  .strict();

export const VictimRepatriatedV1 = z
  .object({
    assistanceId: z.uuid(),
    caseId: z.uuid(),
    repatriatedAt: timestamp,
    country: CountryCodeSchema.describe('the country the victim returned to'),
    embassyInvolved: z.boolean(),
  })
  .strict();

export const AgencyComplaintFiledV1 = z
  .object({
    complaintId: z.uuid(),
    filedAt: timestamp,
    agencyType: AgencyTypeSchema,
  })
  .strict();

export const AgencyComplaintDecidedV1 = z
  .object({
    complaintId: z.uuid(),
    decidedAt: timestamp,
    agencyType: AgencyTypeSchema,
    decision: RegulatorDecisionSchema,
  })
  .strict();

export const CriminalProceedingOpenedV1 = z
  .object({
    proceedingId: z.uuid(),
    caseId: z.uuid().nullable(),
    openedAt: timestamp,
    stage: ProceedingStageSchema,
    articles,
  })
  .strict();

export const CriminalProceedingAdvancedV1 = z
  .object({
    proceedingId: z.uuid(),
    caseId: z.uuid().nullable(),
    advancedAt: timestamp,
    stage: ProceedingStageSchema,
    articles,
  })
  .strict();

export const VerdictDeliveredV1 = z
  .object({
    proceedingId: z.uuid(),
    caseId: z.uuid().nullable(),
    deliveredAt: timestamp,
    verdict: VerdictSchema,
    sentenceYears: z.number().min(0).max(50).nullable().describe('custodial sentence in years, for a conviction'),
    articles,
  })
  .strict();
