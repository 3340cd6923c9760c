import { z } from 'zod';
import { AgeBandSchema, LegalClientTypeSchema, LegalConsultationOutcomeSchema, LegalTopicSchema, SexSchema, type RegionCode } from '@qorgau/contracts';
import { clientIdentityFields, pastTimestampField, regionField, uniqueList } from '@qorgau/service-kit';

export const consultationRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      givenAt: pastTimestampField.optional().describe('When the consultation took place (default: now)'),
      clientType: LegalClientTypeSchema,
      clientSex: SexSchema,
      clientAgeBand: AgeBandSchema,
      topics: uniqueList(LegalTopicSchema, 10).min(1, 'name at least one topic'),
      outcome: LegalConsultationOutcomeSchema,
      ...clientIdentityFields,
    })
    .strict();
export type ConsultationRequest = z.output<ReturnType<typeof consultationRequest>>;
