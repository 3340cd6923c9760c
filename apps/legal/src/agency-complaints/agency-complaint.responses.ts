import { z } from 'zod';
import { AgencyComplaintDecidedV1, AgencyComplaintFiledV1, RegionCodeSchema } from '@qorgau/contracts';

/** The agency's name stays in legal: answers carry its type only. */
export const complaintFiled = AgencyComplaintFiledV1.extend({ id: z.uuid(), region: RegionCodeSchema, decision: z.null() });
export const complaintDecided = AgencyComplaintDecidedV1.extend({ id: z.uuid(), region: RegionCodeSchema });
