import { z } from 'zod';
import { BasicAssistanceKindSchema, CountryCodeSchema, RegionCodeSchema, ShelterExitSchema, ShelterTherapyKindSchema } from '@qorgau/contracts';

const instant = z.iso.datetime({ offset: true });
const status = z.enum(['REQUESTED', 'RESIDENT', 'DISCHARGED']);

export const stayStep = z.object({ stayId: z.uuid(), caseId: z.uuid(), step: z.enum(['Admit', 'Discharge', 'GiveAssistance', 'FollowUp', 'HoldTherapySession']), at: instant });

export const stayList = z.object({
  stays: z.array(
    z.object({
      caseId: z.uuid(),
      stayId: z.uuid(),
      region: RegionCodeSchema,
      status,
      requestedAt: instant,
      shelterId: z.uuid().nullable(),
      shelterName: z.string().nullable(),
      admittedAt: instant.nullable(),
      dischargedAt: instant.nullable(),
      exit: ShelterExitSchema.nullable(),
      aftercareUntil: z.iso.date().nullable(),
      lastContactAt: instant.nullable(),
      followUpOverdue: z.boolean().describe('Aftercare runs and no contact in the last 30 days'),
    }),
  ),
});

export const stayDetails = z.object({
  stayId: z.uuid(),
  caseId: z.uuid(),
  region: RegionCodeSchema,
  status,
  requestedAt: instant,
  shelterId: z.uuid().nullable(),
  shelterName: z.string().nullable(),
  admittedAt: instant.nullable(),
  dischargedAt: instant.nullable(),
  exit: ShelterExitSchema.nullable(),
  country: CountryCodeSchema.nullable(),
  resettledIn: RegionCodeSchema.nullable(),
  aftercareUntil: z.iso.date().nullable(),
  notes: z.string().nullable().describe('Personal'),
  personalDataErased: z.boolean(),
  assistance: z.array(z.object({ id: z.uuid(), kind: BasicAssistanceKindSchema, givenAt: instant, duringStay: z.boolean(), details: z.string().nullable().describe('Personal') })),
  contacts: z.array(z.object({ id: z.uuid(), contactedAt: instant, note: z.string().nullable().describe('Personal') })),
  therapySessions: z.array(z.object({ id: z.uuid(), kind: ShelterTherapyKindSchema, heldAt: instant, planId: z.uuid().nullable().describe('The rehabilitation plan the session belongs to') })),
  rehabilitationPlan: z
    .object({ planId: z.uuid(), openedAt: instant, endedAt: instant.nullable() })
    .nullable()
    .describe("The psychologist's rehabilitation plan of the case, as psychology announced it (ids and dates only)"),
});
