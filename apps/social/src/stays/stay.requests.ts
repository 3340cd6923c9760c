import { z } from 'zod';
import { BasicAssistanceKindSchema, CountryCodeSchema, RegionCodeSchema, ShelterExitSchema, ShelterTherapyKindSchema } from '@qorgau/contracts';
import { dayField, pastTimestampField, personalText, regionListFields } from '@qorgau/service-kit';

export const admissionRequest = z.object({ shelterId: z.uuid(), admittedAt: pastTimestampField.optional().describe('Default: now') }).strict();
export type AdmissionRequest = z.output<typeof admissionRequest>;

export const dischargeRequest = z
  .object({
    dischargedAt: pastTimestampField.optional().describe('Default: now'),
    exit: ShelterExitSchema,
    country: CountryCodeSchema.optional().describe('For REPATRIATED: the country of return'),
    resettledIn: RegionCodeSchema.optional().describe('For RESETTLED: the region'),
    aftercareUntil: dayField.optional().describe('Follow-up contacts are planned until this day (YYYY-MM-DD); none when absent'),
    notes: personalText(4000).optional().describe('Personal: the exit plan in words; stored encrypted, never published'),
  })
  .strict();
export type DischargeRequest = z.output<typeof dischargeRequest>;

export const assistanceRequest = z
  .object({
    kind: BasicAssistanceKindSchema,
    givenAt: pastTimestampField.optional().describe('Default: now'),
    details: personalText(4000).optional().describe('Personal (medical details among them): stored encrypted, never published'),
  })
  .strict();
export type AssistanceRequest = z.output<typeof assistanceRequest>;

export const contactRequest = z.object({ contactedAt: pastTimestampField.optional().describe('Default: now'), note: personalText(4000).optional().describe('Personal: stored encrypted') }).strict();
export type ContactRequest = z.output<typeof contactRequest>;

export const therapySessionRequest = z
  .object({ therapy: ShelterTherapyKindSchema.describe('Individual, group or art therapy'), heldAt: pastTimestampField.optional().describe('Default: now') })
  .strict();
export type TherapySessionRequest = z.output<typeof therapySessionRequest>;

export const stayListQuery = z
  .object({
    ...regionListFields,
    status: z.enum(['REQUESTED', 'RESIDENT', 'DISCHARGED']).optional().describe('Waiting for a bed, staying now, or left'),
  })
  .strict();
export type StayListQuery = z.output<typeof stayListQuery>;
