import { z } from 'zod';
import {
  AgeBandSchema,
  CaseClosureReasonSchema,
  CitizenshipSchema,
  ExploitationFormSchema,
  IdentifiedBySchema,
  ReferralDestinationSchema,
  SexSchema,
  TraffickingScopeSchema,
  RegionCodeSchema,
  type RegionCode,
} from '@qorgau/contracts';
import { CaseStatusSchema } from './case.responses';
import { personalText, phoneField, regionField, timestampField } from '@qorgau/service-kit';

export const consentRequest = z
  .object({
    services: z.boolean().describe('The victim agrees to receive the NGO’s services'),
    externalReferral: z.boolean().describe('The victim agrees to be referred outside the NGO: shelter, police, embassy, other organisations'),
    reporting: z.boolean().describe('The victim agrees to the case being included in case-level (anonymised) reports'),
    recordedAt: timestampField.optional().describe('Defaults to now'),
  })
  .strict();
export type ConsentRequest = z.output<typeof consentRequest>;

export const openCaseRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions).describe('Regional office that opens the case (ISO 3166-2:KZ)'),
      openedAt: timestampField.optional().describe('Defaults to now'),
      subjectSex: SexSchema,
      subjectAgeBand: AgeBandSchema,
      citizenship: CitizenshipSchema,
      exploitationForm: ExploitationFormSchema,
      scope: TraffickingScopeSchema.describe('DOMESTIC or CROSS_BORDER'),
      identifiedBy: IdentifiedBySchema.optional().describe('Set when the victim is already formally identified'),
      consent: consentRequest.omit({ recordedAt: true }).optional().describe('The victim’s consent, if already asked; otherwise every consent is withheld'),
      subjectName: personalText(200).optional().describe('Personal: stays in intake'),
      subjectPhone: phoneField.optional().describe('Personal: stays in intake'),
      notes: personalText(4000).optional().describe('Personal free text: stays in intake'),
    })
    .strict();
export type OpenCaseRequest = z.output<ReturnType<typeof openCaseRequest>>;

export const identifyVictimRequest = z
  .object({
    identifiedBy: IdentifiedBySchema,
    identifiedAt: timestampField.optional().describe('Defaults to now'),
  })
  .strict();
export type IdentifyVictimRequest = z.output<typeof identifyVictimRequest>;

export const referCaseRequest = z
  .object({
    destination: ReferralDestinationSchema,
    referredAt: timestampField.optional().describe('Defaults to now'),
    note: personalText(2000).optional().describe('Personal free text: stays in intake'),
  })
  .strict();
export type ReferCaseRequest = z.output<typeof referCaseRequest>;

export const closeCaseRequest = z
  .object({
    reason: CaseClosureReasonSchema,
    closedAt: timestampField.optional().describe('Defaults to now'),
  })
  .strict();
export type CloseCaseRequest = z.output<typeof closeCaseRequest>;

export const caseListQuery = z
  .object({
    region: RegionCodeSchema.describe('The regional office whose cases to list'),
    status: CaseStatusSchema.optional().describe('Only open or only closed cases'),
    exploitationForm: ExploitationFormSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many, newest first (default 50)'),
  })
  .strict();
export type CaseListQuery = z.output<typeof caseListQuery>;
