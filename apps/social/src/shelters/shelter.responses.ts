import { z } from 'zod';
import { RegionCodeSchema } from '@qorgau/contracts';
import { FUNDING_SOURCES } from './shelter.requests';

export const shelterCreated = z.object({ id: z.uuid(), region: RegionCodeSchema, name: z.string(), capacity: z.number().int(), funding: z.array(z.enum(FUNDING_SOURCES)) });

export const shelterBoard = z.object({
  shelters: z.array(
    shelterCreated.extend({
      residents: z.number().int().describe('Beds taken now'),
      freeBeds: z.number().int(),
      address: z.string().nullable().describe("Secret: for the regional manager and the shelter's own staff only (null for everyone else)"),
      staff: z.array(z.string()).nullable().describe('The accounts assigned to work at the shelter (for the regional manager; null for everyone else)'),
    }),
  ),
});

export const staffAssigned = z.object({ shelterId: z.uuid(), account: z.string(), assigned: z.boolean().describe('false once the account was removed') });
