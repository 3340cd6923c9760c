import { z } from 'zod';
import { AgencyTypeSchema, RegulatorDecisionSchema, type RegionCode } from '@qorgau/contracts';
import { pastTimestampField, personalText, regionField } from '@qorgau/service-kit';

export const complaintRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      filedAt: pastTimestampField.optional(),
      agencyType: AgencyTypeSchema,
      agencyName: personalText(300).describe("The agency's registered name; kept in legal, never published"),
    })
    .strict();
export type ComplaintRequest = z.output<ReturnType<typeof complaintRequest>>;

export const decisionRequest = z.object({ decision: RegulatorDecisionSchema, decidedAt: pastTimestampField.optional() }).strict();
export type DecisionRequest = z.output<typeof decisionRequest>;
