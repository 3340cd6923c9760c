import { z } from 'zod';
import { AgeBandSchema, ConsultationFormatSchema, PresentingIssueSchema, PsychologicalConsultationGivenV1, PsychologyClientTypeSchema, RegionCodeSchema, SexSchema } from '@qorgau/contracts';

export const consultationRecorded = PsychologicalConsultationGivenV1.extend({ id: z.uuid(), region: RegionCodeSchema });

export const consultationDetails = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  givenAt: z.iso.datetime({ offset: true }),
  clientType: PsychologyClientTypeSchema,
  clientSex: SexSchema,
  clientAgeBand: AgeBandSchema,
  format: ConsultationFormatSchema,
  presentingIssues: z.array(PresentingIssueSchema),
  anonymous: z.boolean(),
  createdBy: z.string().describe('The psychologist who recorded it'),
  clientName: z.string().nullable().describe('Personal'),
  clientContact: z.string().nullable().describe('Personal'),
  notes: z.string().nullable().describe('Personal; psychologists only'),
  personalDataErased: z.boolean(),
});
