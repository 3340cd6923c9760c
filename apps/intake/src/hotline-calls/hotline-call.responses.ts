import { z } from 'zod';
import { AgeBandSchema, CallerCategorySchema, CountryCodeSchema, HotlineChannelSchema, HotlineTopicSchema, ReferralDestinationSchema, RegionCodeSchema, SexSchema } from '@qorgau/contracts';
import type { HotlineCall } from './hotline-call.decider';

/** A call as the API returns it by default: its categories, no personal detail. */
export const hotlineCallSummary = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  receivedAt: z.iso.datetime({ offset: true }),
  channel: HotlineChannelSchema,
  callerSex: SexSchema,
  callerAgeBand: AgeBandSchema,
  callerCategory: CallerCategorySchema,
  topics: z.array(HotlineTopicSchema),
  destinationCountry: CountryCodeSchema.nullable(),
  referrals: z.array(ReferralDestinationSchema),
  anonymous: z.boolean(),
});

export const hotlineCallDetails = hotlineCallSummary.extend({
  callerName: z.string().nullable().describe('Personal'),
  callerPhone: z.string().nullable().describe('Personal'),
  notes: z.string().nullable().describe('Personal'),
  personalDataErased: z.boolean(),
});

export const hotlineCallList = z.object({ calls: z.array(hotlineCallSummary) });

export function summary(call: HotlineCall): z.output<typeof hotlineCallSummary> {
  return {
    id: call.id,
    region: call.region,
    receivedAt: call.receivedAt.toISOString(),
    channel: call.channel,
    callerSex: call.callerSex,
    callerAgeBand: call.callerAgeBand,
    callerCategory: call.callerCategory,
    topics: [...call.topics],
    destinationCountry: call.destinationCountry as z.output<typeof CountryCodeSchema> | null,
    referrals: [...call.referrals],
    anonymous: call.anonymous,
  };
}
