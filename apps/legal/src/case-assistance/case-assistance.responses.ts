import { z } from 'zod';
import { CountryCodeSchema, RegionCodeSchema } from '@qorgau/contracts';
import { assistanceKind } from './case-assistance.requests';

export const actionRecorded = z.object({ id: z.uuid(), caseId: z.uuid(), kind: assistanceKind, at: z.iso.datetime({ offset: true }) });

export const assistanceQueue = z.array(
  z.object({
    caseId: z.uuid(),
    assistanceId: z.uuid(),
    region: RegionCodeSchema,
    openedAt: z.iso.datetime({ offset: true }),
    actions: z.array(z.object({ kind: assistanceKind, at: z.iso.datetime({ offset: true }) })),
  }),
);

export const assistanceDetails = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  region: RegionCodeSchema,
  openedAt: z.iso.datetime({ offset: true }),
  actions: z.array(
    z.object({
      id: z.uuid(),
      kind: assistanceKind,
      at: z.iso.datetime({ offset: true }),
      country: CountryCodeSchema.nullable(),
      embassyInvolved: z.boolean().nullable(),
      note: z.string().nullable().describe('Personal'),
    }),
  ),
});
