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
  type RegionCode,
} from '@qorgau/contracts';
import { countField, dayField, pastTimestampField, personalText, regionField } from '@qorgau/service-kit';

const text = (max: number) => personalText(max);

export const activityRequests = (regions: readonly RegionCode[]) => {
  const region = regionField(regions);
  return {
    training: z
      .object({
        region,
        heldAt: pastTimestampField,
        site: text(300).describe('Where: the school, university, camp… by name'),
        siteType: TrainingSiteTypeSchema,
        audience: AudienceSchema,
        participants: z.array(ParticipantGroupSchema).min(1, 'count the participants by sex and age band').max(50),
        hours: z.number().int('must be whole hours').min(1).max(200),
        partner: text(300).optional().describe('The partner organisation, if any'),
      })
      .strict(),
    materials: z.object({ region, distributedAt: pastTimestampField, kind: MaterialKindSchema, title: text(300), quantity: countField().min(1, 'must be at least 1') }).strict(),
    media: z.object({ region, publishedAt: pastTimestampField, kind: MediaKindSchema, outlet: text(300), title: text(300).optional() }).strict(),
    raid: z
      .object({
        region,
        conductedAt: pastTimestampField,
        placeType: RaidPlaceTypeSchema,
        partnerAgency: PartnerAgencySchema,
        personsScreened: countField(),
        victims: z
          .array(RaidVictimSchema.omit({ caseId: true }).strict())
          .max(500)
          .default([])
          .describe('Each victim identified, by category only; intake opens a case for each'),
      })
      .strict(),
    coordinationMeeting: z
      .object({
        region,
        heldAt: pastTimestampField,
        body: CoordinationBodySchema,
        topics: z.array(AgendaTopicSchema).min(1, 'name at least one agenda topic').max(AgendaTopicSchema.options.length),
      })
      .strict(),
    agreement: z
      .object({
        region,
        signedAt: pastTimestampField,
        partyType: AgreementPartySchema,
        partyName: text(300).describe("The partner's name; kept in outreach, never published"),
        scope: z.array(AgreementScopeSchema).min(1, 'say what the agreement covers').max(AgreementScopeSchema.options.length),
        expiresOn: dayField.optional().describe('The day it ends (YYYY-MM-DD); open-ended when absent'),
      })
      .strict(),
    volunteerSession: z
      .object({ region, heldAt: pastTimestampField, volunteers: countField(1000).min(1, 'must be at least 1'), hours: z.number().int('must be whole hours').min(1).max(24), activity: text(300) })
      .strict(),
  };
};
type Requests = ReturnType<typeof activityRequests>;
export type RequestOf<K extends keyof Requests> = z.output<Requests[K]>;

export const activitiesQuery = z
  .object({
    region: RegionCodeSchema.optional().describe('Your region (the default)'),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
      .optional()
      .describe('Default: this month'),
  })
  .strict();
export type ActivitiesQuery = z.output<typeof activitiesQuery>;
