import { z } from 'zod';
import {
  AgeBandSchema,
  CallerCategorySchema,
  CountryCodeSchema,
  HotlineChannelSchema,
  HotlineTopicSchema,
  ReferralDestinationSchema,
  SexSchema,
  RegionCodeSchema,
  type RegionCode,
} from '@qorgau/contracts';
import { personalText, phoneField, regionField, timestampField, uniqueList } from '@qorgau/service-kit';

/** POST /hotline-calls. Only what an operator can log in under a minute is required. */
export const logHotlineCallRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions).describe('Regional office that took the call (ISO 3166-2:KZ)'),
      receivedAt: timestampField.optional().describe('When the call came in; defaults to now'),
      channel: HotlineChannelSchema,
      callerSex: SexSchema.default('UNKNOWN'),
      callerAgeBand: AgeBandSchema.default('UNKNOWN'),
      callerCategory: CallerCategorySchema,
      topics: uniqueList(HotlineTopicSchema, 20).default([]),
      destinationCountry: CountryCodeSchema.nullable().default(null).describe('Country the caller plans to go to or worries about (ISO 3166-1 alpha-2)'),
      referrals: uniqueList(ReferralDestinationSchema, 10).default([]),
      anonymous: z.boolean().default(true).describe('Calls are anonymous unless the caller agrees to give a name or number'),
      callerName: personalText(200).optional().describe('Personal: stays in intake, only with anonymous=false'),
      callerPhone: phoneField.optional().describe('Personal: stays in intake, only with anonymous=false'),
      notes: personalText(4000).optional().describe('Free text for the operator; stays in intake'),
    })
    .strict();

export type LogHotlineCallRequest = z.output<ReturnType<typeof logHotlineCallRequest>>;

export const recentCallsQuery = z
  .object({
    region: RegionCodeSchema.describe('The regional office whose calls to list'),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('How many of the latest calls (default 20)'),
  })
  .strict();
export type RecentCallsQuery = z.output<typeof recentCallsQuery>;
