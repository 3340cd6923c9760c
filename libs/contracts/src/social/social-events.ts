import { z } from 'zod';
import { CountryCodeSchema } from '../countries';
import { RegionCodeSchema } from '../regions';
import { BasicAssistanceKindSchema, ShelterExitSchema, ShelterTherapyKindSchema } from '../vocabulary';

// Payload schemas of social services' events. A shelter's address, a resident's medical details and
// the social worker's notes stay in the social service, encrypted; events carry categories, counts
// and pseudonymous ids only — never where a shelter is.

const timestamp = z.iso.datetime({ offset: true });

/** Intake referred a victim to a shelter: the request waits in the region's admission queue. */
export const ShelterAdmissionRequestedV1 = z.object({ admissionId: z.uuid(), caseId: z.uuid(), referralId: z.uuid().nullable(), requestedAt: timestamp }).strict();

/** The victim was given a bed in one of the organisation's shelters (named by id, never by address). */
export const ResidentAdmittedV1 = z.object({ admissionId: z.uuid(), caseId: z.uuid(), shelterId: z.uuid(), admittedAt: timestamp }).strict();

/** The stay ended: how many nights it lasted and where the victim went. */
export const ResidentDischargedV1 = z
  .object({
    admissionId: z.uuid(),
    caseId: z.uuid(),
    shelterId: z.uuid(),
    dischargedAt: timestamp,
    nights: z.number().int().min(0).max(3650),
    exit: ShelterExitSchema,
    country: CountryCodeSchema.nullable().describe('For REPATRIATED: the country of return'),
    resettledIn: RegionCodeSchema.nullable().describe('For RESETTLED: the region the victim settled in'),
  })
  .strict();

/** Basic assistance given to a victim, during a stay or outside it; medical details stay in the service. */
export const BasicAssistanceGivenV1 = z.object({ assistanceId: z.uuid(), caseId: z.uuid(), kind: BasicAssistanceKindSchema, givenAt: timestamp, duringStay: z.boolean() }).strict();

/** A follow-up contact with a former resident after the stay, while aftercare lasts. */
export const AftercareContactMadeV1 = z.object({ contactId: z.uuid(), admissionId: z.uuid(), caseId: z.uuid(), contactedAt: timestamp }).strict();

/**
 * A therapy session held at the shelter during a stay. Where the psychologist keeps a rehabilitation
 * plan for the victim, the session names it (`planId`), so the plan sees the shelter's part of the
 * work without a second record of it; one-to-one sessions of a planned rehabilitation are the plan's own.
 */
export const ShelterTherapySessionHeldV1 = z
  .object({
    sessionId: z.uuid(),
    admissionId: z.uuid(),
    caseId: z.uuid(),
    kind: ShelterTherapyKindSchema,
    heldAt: timestamp,
    planId: z.uuid().nullable().describe('The rehabilitation plan the session belongs to, if the psychologist keeps one'),
  })
  .strict();
