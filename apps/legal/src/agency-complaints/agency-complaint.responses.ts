import { z } from 'zod';
import { AgencyComplaintDecidedV1, AgencyComplaintFiledV1, AgencyTypeSchema, RegionCodeSchema, RegulatorDecisionSchema } from '@qorgau/contracts';

/** The agency's name stays in legal: answers carry its type only. */
export const complaintFiled = AgencyComplaintFiledV1.extend({ id: z.uuid(), region: RegionCodeSchema, decision: z.null() });
export const complaintDecided = AgencyComplaintDecidedV1.extend({ id: z.uuid(), region: RegionCodeSchema });

/** The region's complaints for the lawyers who follow them up: the agency's name included (a business, never published). */
export const complaintList = z.object({
  complaints: z.array(
    z.object({
      id: z.uuid(),
      region: RegionCodeSchema,
      filedAt: z.iso.datetime({ offset: true }),
      agencyType: AgencyTypeSchema,
      agencyName: z.string(),
      decision: RegulatorDecisionSchema.nullable(),
      decidedAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
});
