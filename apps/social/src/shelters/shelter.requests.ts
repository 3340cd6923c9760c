import { z } from 'zod';
import type { RegionCode } from '@qorgau/contracts';
import { personalText, regionField } from '@qorgau/service-kit';

export const FUNDING_SOURCES = ['STATE_SOCIAL_ORDER', 'DONOR_GRANT', 'LOCAL_AUTHORITY', 'PRIVATE_DONATIONS', 'OWN_FUNDS'] as const;

export const shelterRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      name: personalText(200).describe('How staff call it; not its address'),
      capacity: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(500),
      funding: z.array(z.enum(FUNDING_SOURCES)).max(FUNDING_SOURCES.length).default([]),
      address: personalText(500).describe('Secret: stored encrypted, shown to the regional manager only, never published'),
    })
    .strict();
export type ShelterRequest = z.output<ReturnType<typeof shelterRequest>>;

/** A staff account, as the sign-in provider names it (its subject); the staff member's own desk shows it. */
export const staffAssignment = z
  .object({
    account: z
      .string({ error: 'must be the staff member’s account' })
      .trim()
      .min(1, 'must be the staff member’s account')
      .max(200)
      .regex(/^\S+$/, 'must be one word, as the staff member’s desk shows it'),
    assigned: z.boolean({ error: 'must be true or false' }).default(true).describe('false takes the account off the shelter'),
  })
  .strict();
export type StaffAssignment = z.output<typeof staffAssignment>;

export { regionListQuery as shelterListQuery, type RegionListQuery as ShelterListQuery } from '@qorgau/service-kit';
