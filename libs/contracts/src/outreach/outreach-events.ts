import { z } from 'zod';
import { CitizenshipSchema } from '../countries';
import {
  AgeBandSchema,
  AgendaTopicSchema,
  AgreementPartySchema,
  AgreementScopeSchema,
  AudienceSchema,
  CoordinationBodySchema,
  ExploitationFormSchema,
  MaterialKindSchema,
  MediaKindSchema,
  PartnerAgencySchema,
  RaidPlaceTypeSchema,
  SexSchema,
  TraffickingScopeSchema,
  TrainingSiteTypeSchema,
} from '../vocabulary';

// Payload schemas of outreach's events. Sites and partners are categories here; their names stay
// in outreach. Victims found in a raid travel as pseudonymous ids with categories only.

const timestamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0).max(100_000);

/** Participants of one sex and age band: trainings are reported by both. */
export const ParticipantGroupSchema = z.object({ sex: SexSchema, ageBand: AgeBandSchema, count: count.min(1) }).strict();

export const TrainingHeldV1 = z
  .object({
    trainingId: z.uuid(),
    heldAt: timestamp,
    siteType: TrainingSiteTypeSchema,
    audience: AudienceSchema,
    participants: z.array(ParticipantGroupSchema).min(1).max(50),
    hours: z.number().int().min(1).max(200).describe('whole hours of training'),
    withPartner: z.boolean(),
  })
  .strict();

export const MaterialsDistributedV1 = z.object({ distributionId: z.uuid(), distributedAt: timestamp, kind: MaterialKindSchema, quantity: count.min(1) }).strict();

export const MediaOutputPublishedV1 = z.object({ mediaId: z.uuid(), publishedAt: timestamp, kind: MediaKindSchema }).strict();

/** A victim identified in a raid: intake opens a case with this id (so a redelivery opens none twice). */
export const RaidVictimSchema = z
  .object({
    caseId: z.uuid(),
    sex: SexSchema,
    ageBand: AgeBandSchema,
    citizenship: CitizenshipSchema,
    exploitationForm: ExploitationFormSchema,
    scope: TraffickingScopeSchema,
  })
  .strict();

export const RaidConductedV1 = z
  .object({
    raidId: z.uuid(),
    conductedAt: timestamp,
    placeType: RaidPlaceTypeSchema,
    partnerAgency: PartnerAgencySchema,
    personsScreened: count,
    victims: z.array(RaidVictimSchema).max(500),
  })
  .strict();

export const VolunteerSessionHeldV1 = z.object({ sessionId: z.uuid(), heldAt: timestamp, volunteers: count.min(1), hours: z.number().int().min(1).max(24) }).strict();

/** The NGO attended a meeting of a coordination body; the agenda by category, never minutes. */
export const CoordinationMeetingAttendedV1 = z
  .object({ meetingId: z.uuid(), heldAt: timestamp, body: CoordinationBodySchema, topics: z.array(AgendaTopicSchema).min(1).max(AgendaTopicSchema.options.length) })
  .strict();

/** An agreement or memorandum signed with a partner: the party by type, what it covers, until when. */
export const AgreementSignedV1 = z
  .object({
    agreementId: z.uuid(),
    signedAt: timestamp,
    partyType: AgreementPartySchema,
    scope: z.array(AgreementScopeSchema).min(1).max(AgreementScopeSchema.options.length),
    expiresOn: z.iso.date().nullable(),
  })
  .strict();
