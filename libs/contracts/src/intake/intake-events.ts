import { z } from 'zod';
import { CitizenshipSchema, CountryCodeSchema } from '../countries';
import {
  AgeBandSchema,
  CallerCategorySchema,
  CaseClosureReasonSchema,
  ExploitationFormSchema,
  HotlineChannelSchema,
  HotlineTopicSchema,
  IdentifiedBySchema,
  ReferralDestinationSchema,
  SexSchema,
  TraffickingScopeSchema,
} from '../vocabulary';

// Payload schemas of intake's events. Every published version stays here forever; a change of
// shape is a new version plus an upcaster (see event-catalogue.ts). Payloads are strict: an
// unexpected field is refused, so nothing personal can ride along by accident.

const timestamp = z.iso.datetime({ offset: true });

export const HotlineCallLoggedV1 = z
  .object({
    callId: z.uuid(),
    receivedAt: timestamp,
    channel: HotlineChannelSchema,
    callerSex: SexSchema,
    callerAgeBand: AgeBandSchema,
    callerCategory: CallerCategorySchema,
    topics: z.array(HotlineTopicSchema).max(20),
    destinationCountry: CountryCodeSchema.nullable(),
    referrals: z.array(ReferralDestinationSchema).max(10),
    anonymous: z.boolean(),
  })
  .strict();

/** How a case's subject is described in events: categories only, never identity. */
const caseSubject = {
  subjectSex: SexSchema,
  subjectAgeBand: AgeBandSchema,
  citizenship: CitizenshipSchema,
  exploitationForm: ExploitationFormSchema,
  scope: TraffickingScopeSchema,
};

export const CaseOpenedV1 = z
  .object({
    caseId: z.uuid(),
    openedAt: timestamp,
    ...caseSubject,
  })
  .strict();

export const VictimIdentifiedV1 = z
  .object({
    caseId: z.uuid(),
    identifiedAt: timestamp,
    identifiedBy: IdentifiedBySchema,
    // Repeated from the case so that "victims identified by form and citizenship" needs no join.
    ...caseSubject,
  })
  .strict();

export const CaseReferredV1 = z
  .object({
    caseId: z.uuid(),
    referralId: z.uuid(),
    destination: ReferralDestinationSchema,
    referredAt: timestamp,
  })
  .strict();

export const CaseClosedV1 = z
  .object({
    caseId: z.uuid(),
    closedAt: timestamp,
    reason: CaseClosureReasonSchema,
  })
  .strict();

/** What the victim agreed to, as recorded by a case worker; a later record replaces an earlier one. */
export const ConsentRecordedV1 = z
  .object({
    caseId: z.uuid(),
    recordedAt: timestamp,
    services: z.boolean().describe('to receive the NGO’s services'),
    externalReferral: z.boolean().describe('to be referred to organisations outside the NGO (shelter, police, embassy, others)'),
    reporting: z.boolean().describe('to have the case included in case-level (anonymised) reports'),
  })
  .strict();

/**
 * The victim's personal data in a case was erased on request (crypto-shredding). Services that hold
 * personal data about the same case (legal, psychology) erase theirs too. Categories and every
 * statistic stay.
 */
export const VictimDataErasedV1 = z.object({ caseId: z.uuid(), erasedAt: timestamp }).strict();
