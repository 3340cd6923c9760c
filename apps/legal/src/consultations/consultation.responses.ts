import { z } from 'zod';
import { AgeBandSchema, LegalClientTypeSchema, LegalConsultationGivenV1, LegalConsultationOutcomeSchema, LegalTopicSchema, RegionCodeSchema, SexSchema } from '@qorgau/contracts';

/** What is recorded: the event's categories, no personal detail. */
export const consultationRecorded = LegalConsultationGivenV1.extend({ id: z.uuid(), region: RegionCodeSchema });

export const consultationDetails = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  givenAt: z.iso.datetime({ offset: true }),
  clientType: LegalClientTypeSchema,
  clientSex: SexSchema,
  clientAgeBand: AgeBandSchema,
  topics: z.array(LegalTopicSchema),
  outcome: LegalConsultationOutcomeSchema,
  createdBy: z.string().describe('The lawyer who recorded it'),
  clientName: z.string().nullable().describe('Personal'),
  clientContact: z.string().nullable().describe('Personal'),
  notes: z.string().nullable().describe('Personal'),
  personalDataErased: z.boolean(),
});
