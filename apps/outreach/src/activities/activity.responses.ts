import { z } from 'zod';
import {
  AgendaTopicSchema,
  AgreementPartySchema,
  AgreementScopeSchema,
  AudienceSchema,
  CoordinationBodySchema,
  MaterialKindSchema,
  MediaKindSchema,
  ParticipantGroupSchema,
  PartnerAgencySchema,
  RaidPlaceTypeSchema,
  RaidVictimSchema,
  RegionCodeSchema,
  TrainingSiteTypeSchema,
} from '@qorgau/contracts';

// What is recorded answers with the event's categories and counts.
export const recorded = <S extends z.ZodObject>(payload: S) => payload.extend({ region: RegionCodeSchema });
const stored = { id: z.uuid(), region: RegionCodeSchema, createdBy: z.string() };
const trainingRow = z.object({
  ...stored,
  createdAt: z.iso.datetime({ offset: true }),
  heldAt: z.iso.datetime({ offset: true }),
  site: z.string(),
  siteType: TrainingSiteTypeSchema,
  audience: AudienceSchema,
  participants: z.array(ParticipantGroupSchema),
  hours: z.number().int(),
  partner: z.string().nullable(),
});
const materialsRow = z.object({ ...stored, distributedAt: z.iso.datetime({ offset: true }), kind: MaterialKindSchema, title: z.string(), quantity: z.number().int() });
const mediaRow = z.object({ ...stored, publishedAt: z.iso.datetime({ offset: true }), kind: MediaKindSchema, outlet: z.string(), title: z.string().nullable() });
export const raidRow = z.object({
  ...stored,
  conductedAt: z.iso.datetime({ offset: true }),
  placeType: RaidPlaceTypeSchema,
  partnerAgency: PartnerAgencySchema,
  personsScreened: z.number().int(),
  victims: z.array(RaidVictimSchema),
});
const volunteerRow = z.object({ ...stored, heldAt: z.iso.datetime({ offset: true }), volunteers: z.number().int(), hours: z.number().int(), activity: z.string() });
const meetingRow = z.object({ ...stored, heldAt: z.iso.datetime({ offset: true }), body: CoordinationBodySchema, topics: z.array(AgendaTopicSchema) });
const agreementRow = z.object({
  ...stored,
  signedAt: z.iso.datetime({ offset: true }),
  partyType: AgreementPartySchema,
  partyName: z.string(),
  scope: z.array(AgreementScopeSchema),
  expiresOn: z.iso.date().nullable(),
});
export const monthOfActivities = z.object({
  region: RegionCodeSchema,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  trainings: z.array(trainingRow),
  materials: z.array(materialsRow),
  media: z.array(mediaRow),
  raids: z.array(raidRow),
  volunteerSessions: z.array(volunteerRow),
  coordinationMeetings: z.array(meetingRow),
  agreements: z.array(agreementRow),
});
