import { z } from 'zod';
import {
  AgeBandSchema,
  CaseClosureReasonSchema,
  CitizenshipSchema,
  ExploitationFormSchema,
  IdentifiedBySchema,
  ReferralDestinationSchema,
  RegionCodeSchema,
  SexSchema,
  TraffickingScopeSchema,
} from '@qorgau/contracts';
import type { VictimCase } from './victim-case.decider';

export const CaseStatusSchema = z.enum(['OPEN', 'CLOSED']);

/** A case as the API returns it by default: categories and dates, no personal detail. */
export const caseView = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  status: CaseStatusSchema,
  openedAt: z.iso.datetime({ offset: true }),
  subjectSex: SexSchema,
  subjectAgeBand: AgeBandSchema,
  citizenship: CitizenshipSchema,
  exploitationForm: ExploitationFormSchema,
  scope: TraffickingScopeSchema,
  identifiedBy: IdentifiedBySchema.nullable(),
  identifiedAt: z.iso.datetime({ offset: true }).nullable(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  closureReason: CaseClosureReasonSchema.nullable(),
  consent: z.object({ services: z.boolean(), externalReferral: z.boolean(), reporting: z.boolean() }),
});

export const caseDetails = caseView.extend({
  subjectName: z.string().nullable().describe('Personal'),
  subjectPhone: z.string().nullable().describe('Personal'),
  notes: z.string().nullable().describe('Personal'),
  personalDataErased: z.boolean(),
  referrals: z.array(z.object({ id: z.uuid(), destination: ReferralDestinationSchema, referredAt: z.iso.datetime({ offset: true }), note: z.string().nullable().describe('Personal') })),
});

export const caseList = z.object({ cases: z.array(caseView) });

export function view(c: VictimCase): z.output<typeof caseView> {
  return {
    id: c.id,
    region: c.region,
    status: c.status,
    openedAt: c.openedAt.toISOString(),
    subjectSex: c.subject.sex,
    subjectAgeBand: c.subject.ageBand,
    citizenship: c.subject.citizenship,
    exploitationForm: c.subject.exploitationForm,
    scope: c.subject.scope,
    identifiedBy: c.identifiedBy,
    identifiedAt: c.identifiedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    closureReason: c.closureReason,
    consent: { ...c.consent },
  };
}
