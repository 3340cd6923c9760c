import { z } from 'zod';
import { AgeBandSchema, ConsultationFormatSchema, PresentingIssueSchema, PsychologyClientTypeSchema, SexSchema, type RegionCode } from '@qorgau/contracts';
import { clientIdentityFields, pastTimestampField, regionField, uniqueList } from '@qorgau/service-kit';

export const consultationRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      givenAt: pastTimestampField.optional().describe('When the consultation took place (default: now)'),
      clientType: PsychologyClientTypeSchema,
      clientSex: SexSchema,
      clientAgeBand: AgeBandSchema,
      format: ConsultationFormatSchema,
      presentingIssues: uniqueList(PresentingIssueSchema, 10).min(1, 'name at least one presenting issue'),
      anonymous: z.boolean().default(true).describe('Anonymous by default: give a name or contact only when the client agrees (anonymous: false)'),
      ...clientIdentityFields,
    })
    .strict();
export type ConsultationRequest = z.output<ReturnType<typeof consultationRequest>>;
