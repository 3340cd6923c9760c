import { z } from 'zod';
import { CountryCodeSchema, LegalAssistanceKindSchema } from '@qorgau/contracts';
import { pastTimestampField, personalText } from '@qorgau/service-kit';

export const assistanceKind = z.enum([...LegalAssistanceKindSchema.options, 'REPATRIATION']).describe('REPATRIATION is announced as VictimRepatriated');

export const assistanceRequest = z
  .object({
    kind: assistanceKind,
    at: pastTimestampField.optional().describe('When it happened (default: now)'),
    country: CountryCodeSchema.optional().describe('For REPATRIATION: the country the victim returned to'),
    embassyInvolved: z.boolean().optional().describe('For REPATRIATION: whether the embassy took part'),
    note: personalText(4000).optional().describe('Personal free text: stored encrypted, never published'),
  })
  .strict();
export type AssistanceRequest = z.output<typeof assistanceRequest>;

export { regionListQuery as queueQuery, type RegionListQuery as QueueQuery } from '@qorgau/service-kit';
