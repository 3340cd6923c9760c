import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { ROLES, isRegional, type Role } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import { aHotlineCall, eventually } from '@qorgau/testing';
import { getJson, postJson, testPlatform } from './platform';

const OWN: RegionCode = 'KZ-79';
const OTHER: RegionCode = 'KZ-71';

type Ids = Record<RegionCode, string>;
interface Fixtures {
  readonly callId: Ids;
  readonly caseId: Ids;
  /** A case referred to legal and to psychology, with the work opened there. */
  readonly referredCaseId: Ids;
  readonly legalConsultationId: Ids;
  readonly proceedingId: Ids;
  readonly complaintId: Ids;
  readonly psychologyConsultationId: Ids;
  readonly raidId: Ids;
  readonly reportId: Ids;
  readonly shelterId: Ids;
}

type Service = 'intake' | 'projection' | 'legal' | 'psychology' | 'social' | 'outreach' | 'statistics';

interface Endpoint {
  readonly service: Service;
  readonly method: 'get' | 'post';
  /** As in the service's OpenAPI document. */
  readonly path: string;
  readonly allowed: readonly Role[];
  /** Whether a regional role is held to its own region on this endpoint. */
  readonly regional: boolean;
  readonly request: (region: RegionCode, f: Fixtures) => { path: string; body?: unknown };
  /**
   * The rule that refuses the same change twice (a case is closed once): only the first allowed
   * caller can succeed on the one fixture; the next get this 409, and nothing else.
   */
  readonly once?: string;
}

const CASE_WORKERS: Role[] = ['HOTLINE_OPERATOR', 'LAWYER', 'PSYCHOLOGIST', 'REGIONAL_MANAGER'];
// The victim consented to case-level reporting, so the case has a row in the views for its own region.
const opening = (region: RegionCode) => ({
  region,
  subjectSex: 'MALE',
  subjectAgeBand: 'AGE_25_34',
  citizenship: 'UZ',
  exploitationForm: 'LABOUR',
  scope: 'CROSS_BORDER',
  consent: { services: true, externalReferral: false, reporting: true },
});
const legalConsultation = (region: RegionCode) => ({ region, clientType: 'PERSON_AT_RISK', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', topics: ['AGENCY_CHECK'], outcome: 'ADVICE_GIVEN' });
const psychologyConsultation = (region: RegionCode) => ({ region, clientType: 'PERSON_AT_RISK', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', format: 'IN_PERSON', presentingIssues: ['ANXIETY'] });
const proceeding = (region: RegionCode) => ({ region, articles: ['128'] });
const complaint = (region: RegionCode) => ({ region, agencyType: 'TRAVEL_AGENCY', agencyName: 'Matrix Travel LLP' });
const WHEN = '2021-05-05T10:00:00+05:00';
const raid = (region: RegionCode) => ({ region, conductedAt: WHEN, placeType: 'MARKET', partnerAgency: 'POLICE', personsScreened: 3, victims: [] });
const report = (region: RegionCode) => ({ scope: region, periodKind: 'YEAR', period: '2021' });
const REPORTERS: Role[] = ['HQ_ANALYST', 'REGIONAL_MANAGER'];
/** Shelter staff are held to their shelter, to which the fixtures assign them: the fixture stays are there. */
const SHELTER_WORKERS: Role[] = ['SOCIAL_WORKER', 'SHELTER_STAFF'];

/**
 * An import endpoint, asked only to check one row. Rows of another region are refused row by row
 * (a problem named in the answer), not the request: the row's region is not the request's.
 */
function importing(service: Endpoint['service'], path: string, allowed: Role[], row: (region: RegionCode) => object): Endpoint {
  return { service, method: 'post', path, allowed, regional: false, request: (r) => ({ path, body: { check: true, rows: [{ row: 2, data: row(r) }] } }) };
}

/** The one table: every endpoint of every service, and who may call it. A new endpoint without a row fails the suite. */
const ENDPOINTS: readonly Endpoint[] = [
  {
    service: 'intake',
    method: 'post',
    path: '/hotline-calls',
    allowed: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'],
    regional: true,
    request: (r) => ({ path: '/hotline-calls', body: aHotlineCall().fromRegion(r).build() }),
  },
  importing('intake', '/hotline-calls/import', ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], (r) => aHotlineCall().fromRegion(r).build()),
  { service: 'intake', method: 'get', path: '/hotline-calls', allowed: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/hotline-calls?region=${r}` }) },
  { service: 'intake', method: 'get', path: '/hotline-calls/{id}', allowed: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], regional: true, request: (r, f) => ({ path: `/hotline-calls/${f.callId[r]}` }) },
  { service: 'intake', method: 'post', path: '/cases', allowed: CASE_WORKERS, regional: true, request: (r) => ({ path: '/cases', body: opening(r) }) },
  { service: 'intake', method: 'get', path: '/cases', allowed: CASE_WORKERS, regional: true, request: (r) => ({ path: `/cases?region=${r}` }) },
  { service: 'intake', method: 'get', path: '/case-dataset', allowed: ['HQ_ANALYST'], regional: false, request: () => ({ path: '/case-dataset?k=11' }) },
  { service: 'intake', method: 'get', path: '/cases/{id}', allowed: CASE_WORKERS, regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}` }) },
  {
    service: 'intake',
    method: 'post',
    path: '/cases/{id}/identification',
    allowed: CASE_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/cases/${f.caseId[r]}/identification`, body: { identifiedBy: 'NGO' } }),
    once: 'identified-once',
  },
  {
    service: 'intake',
    method: 'post',
    path: '/cases/{id}/referrals',
    allowed: CASE_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/cases/${f.caseId[r]}/referrals`, body: { destination: 'LEGAL' } }),
  },
  {
    service: 'intake',
    method: 'post',
    path: '/cases/{id}/consent',
    allowed: CASE_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/cases/${f.caseId[r]}/consent`, body: { services: true, externalReferral: true, reporting: true } }),
  },
  {
    service: 'intake',
    method: 'post',
    path: '/cases/{id}/closure',
    allowed: CASE_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/cases/${f.caseId[r]}/closure`, body: { reason: 'OTHER' } }),
    once: 'closed-case-is-final',
  },
  {
    service: 'intake',
    method: 'post',
    path: '/hotline-calls/{id}/erasure',
    allowed: ['REGIONAL_MANAGER', 'ADMINISTRATOR'],
    regional: true,
    request: (r, f) => ({ path: `/hotline-calls/${f.callId[r]}/erasure` }),
  },
  { service: 'intake', method: 'post', path: '/cases/{id}/erasure', allowed: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}/erasure` }) },
  { service: 'intake', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'legal', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'psychology', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'outreach', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'statistics', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'projection', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'intake', method: 'get', path: '/audit', allowed: ['ADMINISTRATOR'], regional: false, request: (_, f) => ({ path: `/audit?recordId=${f.caseId[OWN]}` }) },
  ...(['intake', 'legal', 'psychology', 'social'] as const).map((service): Endpoint => ({
    service,
    method: 'post',
    path: '/personal-data/key-rotation',
    allowed: ['ADMINISTRATOR'],
    regional: false,
    request: () => ({ path: '/personal-data/key-rotation' }),
  })),
  { service: 'projection', method: 'get', path: '/views/national', allowed: ['HQ_ANALYST'], regional: false, request: () => ({ path: '/views/national' }) },
  { service: 'projection', method: 'get', path: '/views/case-progress', allowed: ['HQ_ANALYST', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/views/case-progress?region=${r}` }) },
  { service: 'projection', method: 'get', path: '/views/regions/{region}', allowed: ['HQ_ANALYST', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/views/regions/${r}` }) },
  { service: 'projection', method: 'get', path: '/views/dashboard', allowed: ['HQ_ANALYST', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/views/dashboard?region=${r}&year=2021` }) },
  { service: 'projection', method: 'get', path: '/views/case-progress/{caseId}', allowed: ['REGIONAL_MANAGER'], regional: true, request: (r, f) => ({ path: `/views/case-progress/${f.caseId[r]}` }) },

  { service: 'legal', method: 'post', path: '/consultations', allowed: ['LAWYER'], regional: true, request: (r) => ({ path: '/consultations', body: legalConsultation(r) }) },
  importing('legal', '/consultations/import', ['LAWYER'], legalConsultation),
  { service: 'legal', method: 'get', path: '/consultations/{id}', allowed: ['LAWYER'], regional: true, request: (r, f) => ({ path: `/consultations/${f.legalConsultationId[r]}` }) },
  {
    service: 'legal',
    method: 'post',
    path: '/consultations/{id}/erasure',
    allowed: ['REGIONAL_MANAGER', 'ADMINISTRATOR'],
    regional: true,
    request: (r, f) => ({ path: `/consultations/${f.legalConsultationId[r]}/erasure` }),
  },
  {
    service: 'legal',
    method: 'post',
    path: '/case-assistance/{caseId}/actions',
    allowed: ['LAWYER'],
    regional: true,
    request: (r, f) => ({ path: `/case-assistance/${f.referredCaseId[r]}/actions`, body: { kind: 'LEGAL_REPRESENTATION' } }),
  },
  { service: 'legal', method: 'get', path: '/case-assistance', allowed: ['LAWYER'], regional: true, request: (r) => ({ path: `/case-assistance?region=${r}` }) },
  { service: 'legal', method: 'get', path: '/case-assistance/{caseId}', allowed: ['LAWYER'], regional: true, request: (r, f) => ({ path: `/case-assistance/${f.referredCaseId[r]}` }) },
  { service: 'legal', method: 'post', path: '/agency-complaints', allowed: ['LAWYER'], regional: true, request: (r) => ({ path: '/agency-complaints', body: complaint(r) }) },
  {
    service: 'legal',
    method: 'post',
    path: '/agency-complaints/{id}/decision',
    allowed: ['LAWYER'],
    regional: true,
    request: (r, f) => ({ path: `/agency-complaints/${f.complaintId[r]}/decision`, body: { decision: 'WARNING_ISSUED' } }),
  },
  { service: 'legal', method: 'get', path: '/agency-complaints', allowed: ['LAWYER'], regional: true, request: (r) => ({ path: `/agency-complaints?region=${r}` }) },
  { service: 'legal', method: 'get', path: '/criminal-proceedings', allowed: ['LAWYER'], regional: true, request: (r) => ({ path: `/criminal-proceedings?region=${r}` }) },
  { service: 'legal', method: 'post', path: '/criminal-proceedings', allowed: ['LAWYER'], regional: true, request: (r) => ({ path: '/criminal-proceedings', body: proceeding(r) }) },
  {
    service: 'legal',
    method: 'post',
    path: '/criminal-proceedings/{id}/stage',
    allowed: ['LAWYER'],
    regional: true,
    request: (r, f) => ({ path: `/criminal-proceedings/${f.proceedingId[r]}/stage`, body: { stage: 'TRIAL' } }),
  },
  {
    service: 'legal',
    method: 'post',
    path: '/criminal-proceedings/{id}/verdict',
    allowed: ['LAWYER'],
    regional: true,
    request: (r, f) => ({ path: `/criminal-proceedings/${f.proceedingId[r]}/verdict`, body: { verdict: 'ACQUITTAL' } }),
  },
  {
    service: 'legal',
    method: 'get',
    path: '/criminal-proceedings/{id}',
    allowed: ['LAWYER', 'REGIONAL_MANAGER'],
    regional: true,
    request: (r, f) => ({ path: `/criminal-proceedings/${f.proceedingId[r]}` }),
  },
  { service: 'legal', method: 'get', path: '/audit', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/audit' }) },
  { service: 'legal', method: 'post', path: '/erasures/reconciliation', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/erasures/reconciliation' }) },

  { service: 'psychology', method: 'post', path: '/consultations', allowed: ['PSYCHOLOGIST'], regional: true, request: (r) => ({ path: '/consultations', body: psychologyConsultation(r) }) },
  importing('psychology', '/consultations/import', ['PSYCHOLOGIST'], psychologyConsultation),
  { service: 'psychology', method: 'get', path: '/consultations/{id}', allowed: ['PSYCHOLOGIST'], regional: true, request: (r, f) => ({ path: `/consultations/${f.psychologyConsultationId[r]}` }) },
  {
    service: 'psychology',
    method: 'post',
    path: '/consultations/{id}/erasure',
    allowed: ['REGIONAL_MANAGER', 'ADMINISTRATOR'],
    regional: true,
    request: (r, f) => ({ path: `/consultations/${f.psychologyConsultationId[r]}/erasure` }),
  },
  {
    service: 'psychology',
    method: 'post',
    path: '/rehabilitation-plans/{caseId}/assessment',
    allowed: ['PSYCHOLOGIST'],
    regional: true,
    request: (r, f) => ({ path: `/rehabilitation-plans/${f.referredCaseId[r]}/assessment`, body: {} }),
  },
  {
    service: 'psychology',
    method: 'post',
    path: '/rehabilitation-plans/{caseId}/sessions',
    allowed: ['PSYCHOLOGIST'],
    regional: true,
    request: (r, f) => ({ path: `/rehabilitation-plans/${f.referredCaseId[r]}/sessions`, body: { format: 'IN_PERSON' } }),
  },
  {
    service: 'psychology',
    method: 'post',
    path: '/rehabilitation-plans/{caseId}/ending',
    allowed: ['PSYCHOLOGIST'],
    regional: true,
    request: (r, f) => ({ path: `/rehabilitation-plans/${f.referredCaseId[r]}/ending`, body: { outcome: 'DISCONTINUED' } }),
  },
  { service: 'psychology', method: 'get', path: '/rehabilitation-plans', allowed: ['PSYCHOLOGIST'], regional: true, request: (r) => ({ path: `/rehabilitation-plans?region=${r}&status=OPEN` }) },
  {
    service: 'psychology',
    method: 'get',
    path: '/rehabilitation-plans/{caseId}',
    allowed: ['PSYCHOLOGIST'],
    regional: true,
    request: (r, f) => ({ path: `/rehabilitation-plans/${f.referredCaseId[r]}` }),
  },
  { service: 'psychology', method: 'get', path: '/audit', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/audit' }) },
  { service: 'psychology', method: 'post', path: '/erasures/reconciliation', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/erasures/reconciliation' }) },

  {
    service: 'outreach',
    method: 'post',
    path: '/trainings',
    allowed: ['OUTREACH_COORDINATOR'],
    regional: true,
    request: (r) => ({
      path: '/trainings',
      body: { region: r, heldAt: WHEN, site: 'School', siteType: 'SCHOOL', audience: 'PUPILS', participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 9 }], hours: 1 },
    }),
  },
  {
    service: 'outreach',
    method: 'post',
    path: '/materials',
    allowed: ['OUTREACH_COORDINATOR'],
    regional: true,
    request: (r) => ({ path: '/materials', body: { region: r, distributedAt: WHEN, kind: 'BOOKLET', title: 'Safe travel', quantity: 10 } }),
  },
  {
    service: 'outreach',
    method: 'post',
    path: '/media',
    allowed: ['OUTREACH_COORDINATOR'],
    regional: true,
    request: (r) => ({ path: '/media', body: { region: r, publishedAt: WHEN, kind: 'RADIO', outlet: 'Radio' } }),
  },
  {
    service: 'outreach',
    method: 'post',
    path: '/coordination-meetings',
    allowed: ['OUTREACH_COORDINATOR', 'REGIONAL_MANAGER'],
    regional: true,
    request: (r) => ({ path: '/coordination-meetings', body: { region: r, heldAt: WHEN, body: 'INTERDEPARTMENTAL_COMMISSION', topics: ['VICTIM_PROTECTION'] } }),
  },
  {
    service: 'outreach',
    method: 'post',
    path: '/agreements',
    allowed: ['OUTREACH_COORDINATOR', 'REGIONAL_MANAGER'],
    regional: true,
    request: (r) => ({ path: '/agreements', body: { region: r, signedAt: WHEN, partyType: 'LAW_ENFORCEMENT', partyName: 'City police department', scope: ['REFERRAL'] } }),
  },
  { service: 'outreach', method: 'post', path: '/raids', allowed: ['OUTREACH_COORDINATOR'], regional: true, request: (r) => ({ path: '/raids', body: raid(r) }) },
  importing('outreach', '/trainings/import', ['OUTREACH_COORDINATOR'], (r) => ({
    region: r,
    heldAt: WHEN,
    site: 'School',
    siteType: 'SCHOOL',
    audience: 'PUPILS',
    participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 9 }],
    hours: 1,
  })),
  importing('outreach', '/materials/import', ['OUTREACH_COORDINATOR'], (r) => ({ region: r, distributedAt: WHEN, kind: 'BOOKLET', title: 'Safe travel', quantity: 10 })),
  importing('outreach', '/media/import', ['OUTREACH_COORDINATOR'], (r) => ({ region: r, publishedAt: WHEN, kind: 'RADIO', outlet: 'Radio' })),
  importing('outreach', '/raids/import', ['OUTREACH_COORDINATOR'], raid),
  {
    service: 'outreach',
    method: 'post',
    path: '/volunteer-sessions',
    allowed: ['OUTREACH_COORDINATOR'],
    regional: true,
    request: (r) => ({ path: '/volunteer-sessions', body: { region: r, heldAt: WHEN, volunteers: 5, hours: 1, activity: 'Club' } }),
  },
  {
    service: 'outreach',
    method: 'get',
    path: '/activities',
    allowed: ['OUTREACH_COORDINATOR', 'REGIONAL_MANAGER'],
    regional: true,
    request: (r) => ({ path: `/activities?region=${r}&month=2021-05` }),
  },
  { service: 'outreach', method: 'get', path: '/raids/{id}', allowed: ['OUTREACH_COORDINATOR', 'REGIONAL_MANAGER'], regional: true, request: (r, f) => ({ path: `/raids/${f.raidId[r]}` }) },

  {
    service: 'social',
    method: 'post',
    path: '/shelters',
    allowed: ['REGIONAL_MANAGER'],
    regional: true,
    request: (r) => ({ path: '/shelters', body: { region: r, name: 'Umit', capacity: 4, funding: ['DONOR_GRANT'], address: 'Secret lane 1' } }),
  },
  {
    service: 'social',
    method: 'post',
    path: '/shelters/{shelterId}/staff',
    allowed: ['REGIONAL_MANAGER'],
    regional: true,
    request: (r, f) => ({ path: `/shelters/${f.shelterId[r]}/staff`, body: { account: `shelter-staff.${r.toLowerCase()}` } }),
  },
  { service: 'social', method: 'get', path: '/shelters', allowed: [...SHELTER_WORKERS, 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/shelters?region=${r}` }) },
  { service: 'social', method: 'get', path: '/stays', allowed: [...SHELTER_WORKERS, 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/stays?region=${r}` }) },
  { service: 'social', method: 'get', path: '/stays/{caseId}', allowed: SHELTER_WORKERS, regional: true, request: (r, f) => ({ path: `/stays/${f.referredCaseId[r]}` }) },
  {
    service: 'social',
    method: 'post',
    path: '/stays/{caseId}/admission',
    allowed: SHELTER_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/stays/${f.referredCaseId[r]}/admission`, body: { shelterId: f.shelterId[r] } }),
    once: 'admitted-once',
  },
  {
    service: 'social',
    method: 'post',
    path: '/stays/{caseId}/assistance',
    allowed: SHELTER_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/stays/${f.referredCaseId[r]}/assistance`, body: { kind: 'FOOD' } }),
  },
  {
    service: 'social',
    method: 'post',
    path: '/stays/{caseId}/therapy-sessions',
    allowed: SHELTER_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/stays/${f.referredCaseId[r]}/therapy-sessions`, body: { therapy: 'GROUP' } }),
  },
  {
    service: 'social',
    method: 'post',
    path: '/stays/{caseId}/discharge',
    allowed: SHELTER_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/stays/${f.referredCaseId[r]}/discharge`, body: { exit: 'REUNITED_WITH_FAMILY', aftercareUntil: '2099-12-31' } }),
    once: 'discharged-once',
  },
  {
    service: 'social',
    method: 'post',
    path: '/stays/{caseId}/aftercare-contacts',
    allowed: SHELTER_WORKERS,
    regional: true,
    request: (r, f) => ({ path: `/stays/${f.referredCaseId[r]}/aftercare-contacts`, body: {} }),
  },
  { service: 'social', method: 'get', path: '/health/details', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/health/details' }) },
  { service: 'social', method: 'get', path: '/audit', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/audit' }) },
  { service: 'social', method: 'post', path: '/erasures/reconciliation', allowed: ['ADMINISTRATOR'], regional: false, request: () => ({ path: '/erasures/reconciliation' }) },

  { service: 'statistics', method: 'get', path: '/indicators', allowed: ROLES, regional: false, request: () => ({ path: '/indicators' }) },
  { service: 'statistics', method: 'get', path: '/indicators/sdmx-structure', allowed: ROLES, regional: false, request: () => ({ path: '/indicators/sdmx-structure' }) },
  { service: 'statistics', method: 'post', path: '/reports', allowed: REPORTERS, regional: true, request: (r) => ({ path: '/reports', body: report(r) }) },
  { service: 'statistics', method: 'get', path: '/reports', allowed: REPORTERS, regional: true, request: (r) => ({ path: `/reports?scope=${r}` }) },
  { service: 'statistics', method: 'get', path: '/reports/{id}', allowed: REPORTERS, regional: true, request: (r, f) => ({ path: `/reports/${f.reportId[r]}` }) },
  { service: 'statistics', method: 'post', path: '/reports/{id}/recompute', allowed: REPORTERS, regional: true, request: (r, f) => ({ path: `/reports/${f.reportId[r]}/recompute` }) },
  {
    service: 'statistics',
    method: 'post',
    path: '/reports/{id}/approval',
    allowed: REPORTERS,
    regional: true,
    request: (r, f) => ({ path: `/reports/${f.reportId[r]}/approval` }),
    once: 'approve-a-draft',
  },
  {
    service: 'statistics',
    method: 'post',
    path: '/reports/{id}/submission',
    allowed: REPORTERS,
    regional: true,
    request: (r, f) => ({ path: `/reports/${f.reportId[r]}/submission` }),
    once: 'submit-when-approved',
  },
  { service: 'statistics', method: 'get', path: '/reports/{id}/export', allowed: REPORTERS, regional: true, request: (r, f) => ({ path: `/reports/${f.reportId[r]}/export?format=csv` }) },
  {
    service: 'statistics',
    method: 'post',
    path: '/official-statistics',
    allowed: ['HQ_ANALYST'],
    regional: false,
    request: () => ({ path: '/official-statistics', body: { scope: 'KZ', periodKind: 'YEAR', period: '2021', measure: 'INVESTIGATIONS', source: 'GENERAL_PROSECUTOR_OFFICE', total: 4 } }),
  },
  {
    service: 'statistics',
    method: 'post',
    path: '/grant-periods',
    allowed: ['HQ_ANALYST'],
    regional: false,
    request: () => ({ path: '/grant-periods', body: { name: `Grant ${randomUUID()}`, donor: 'A donor', start: '2024-03-16', end: '2025-03-15' } }),
  },
  { service: 'statistics', method: 'get', path: '/grant-periods', allowed: REPORTERS, regional: false, request: () => ({ path: '/grant-periods' }) },
];

/** Endpoints open to anyone: probes. */
const PUBLIC_PATHS = new Set(['/health', '/health/live']);

const username = (role: Role): string => {
  const slug = role.toLowerCase().replaceAll('_', '-');
  return isRegional(role) ? `${slug}.${OWN.toLowerCase()}` : slug;
};

describe('authorisation: every role × own or other region × every endpoint', () => {
  const platform = testPlatform(14000);
  const fixtures: Fixtures = {
    callId: {} as Ids,
    caseId: {} as Ids,
    referredCaseId: {} as Ids,
    legalConsultationId: {} as Ids,
    proceedingId: {} as Ids,
    complaintId: {} as Ids,
    psychologyConsultationId: {} as Ids,
    raidId: {} as Ids,
    reportId: {} as Ids,
    shelterId: {} as Ids,
  };
  const url = (service: Service) => platform.urls()[service];
  const created = async (user: string, service: Service, path: string, body: unknown, field = 'id'): Promise<string> => {
    const response = await postJson(`${url(service)}${path}`, body, await platform.as(user));
    if (response.status !== 201) throw new Error(`fixture ${service}${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body[field] as string;
  };

  beforeAll(async () => {
    await platform.start();
    for (const region of [OWN, OTHER]) {
      const r = region.toLowerCase();
      fixtures.callId[region] = await created(`hotline-operator.${r}`, 'intake', '/hotline-calls', aHotlineCall().fromRegion(region).build());
      fixtures.caseId[region] = await created(`hotline-operator.${r}`, 'intake', '/cases', opening(region));
      const referred = await created(`hotline-operator.${r}`, 'intake', '/cases', { ...opening(region), consent: { services: true, externalReferral: true, reporting: false } });
      for (const destination of ['LEGAL', 'PSYCHOLOGY', 'SHELTER']) await created(`hotline-operator.${r}`, 'intake', `/cases/${referred}/referrals`, { destination });
      fixtures.referredCaseId[region] = referred;
      fixtures.legalConsultationId[region] = await created(`lawyer.${r}`, 'legal', '/consultations', legalConsultation(region));
      fixtures.proceedingId[region] = await created(`lawyer.${r}`, 'legal', '/criminal-proceedings', proceeding(region));
      fixtures.complaintId[region] = await created(`lawyer.${r}`, 'legal', '/agency-complaints', complaint(region));
      fixtures.psychologyConsultationId[region] = await created(`psychologist.${r}`, 'psychology', '/consultations', psychologyConsultation(region));
      fixtures.raidId[region] = await created(`outreach-coordinator.${r}`, 'outreach', '/raids', raid(region), 'raidId');
      fixtures.reportId[region] = await created(`regional-manager.${r}`, 'statistics', '/reports', report(region));
      fixtures.shelterId[region] = await created(`regional-manager.${r}`, 'social', '/shelters', { region, name: 'Senim', capacity: 10, address: 'Secret lane 2' });
      await created(`regional-manager.${r}`, 'social', `/shelters/${fixtures.shelterId[region]}/staff`, { account: `shelter-staff.${r}` }, 'shelterId');
    }
    // The work that referrals open elsewhere, and the cases in the views, arrive by events.
    for (const region of [OWN, OTHER]) {
      const r = region.toLowerCase();
      await eventually(async () => expect((await fetch(`${url('legal')}/case-assistance/${fixtures.referredCaseId[region]}`, { headers: await platform.as(`lawyer.${r}`) })).status).toBe(200), {
        timeoutMs: 30_000,
      });
      await eventually(
        async () => expect((await fetch(`${url('psychology')}/rehabilitation-plans/${fixtures.referredCaseId[region]}`, { headers: await platform.as(`psychologist.${r}`) })).status).toBe(200),
        { timeoutMs: 30_000 },
      );
      await eventually(async () => expect((await fetch(`${url('social')}/stays/${fixtures.referredCaseId[region]}`, { headers: await platform.as(`social-worker.${r}`) })).status).toBe(200), {
        timeoutMs: 30_000,
      });
      await eventually(
        async () => expect((await fetch(`${url('projection')}/views/case-progress/${fixtures.caseId[region]}`, { headers: await platform.as(`regional-manager.${r}`) })).status).toBe(200),
        { timeoutMs: 30_000 },
      );
    }
  }, 120_000);
  afterAll(() => platform.stop());

  it('has a rule in the table for every endpoint the services publish', async () => {
    for (const service of ['intake', 'projection', 'legal', 'psychology', 'social', 'outreach', 'statistics'] as const) {
      const document = await getJson<{ paths: Record<string, Record<string, unknown>> }>(`${url(service)}/docs-json`);
      const published = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
      const inTable = new Set(ENDPOINTS.filter((e) => e.service === service).map((e) => `${e.method} ${e.path}`));
      const missing = published.filter((operation) => !inTable.has(operation) && !PUBLIC_PATHS.has(operation.split(' ')[1]!));
      expect({ service, missing }).toEqual({ service, missing: [] });
    }
  });

  const succeeded = new Set<Endpoint>();
  const cases = ENDPOINTS.flatMap((endpoint) =>
    ROLES.flatMap((role) =>
      (isRegional(role) ? [OWN, OTHER] : [OWN]).map((target) => {
        const allowed = endpoint.allowed.includes(role) && (!isRegional(role) || !endpoint.regional || target === OWN);
        return [`${endpoint.method.toUpperCase()} ${endpoint.path}`, role, target === OWN ? 'own region' : 'other region', allowed ? 'allowed' : 'forbidden', endpoint, target] as const;
      }),
    ),
  );

  it.each(cases)('%s as %s, %s: %s', async (_, role, __, verdict, endpoint, target) => {
    const { path, body } = endpoint.request(target, fixtures);
    const headers = { 'content-type': 'application/json', ...(await platform.as(username(role))) };
    const response = await fetch(`${url(endpoint.service)}${path}`, { method: endpoint.method.toUpperCase(), headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (verdict === 'forbidden') return expect(response.status).toBe(403);
    // Allowed means it worked: not merely "not refused" (a 500, or a 404 on a fixture that was never made, would pass that).
    const answer = { status: response.status, body: (await response.text()).slice(0, 300) };
    if (endpoint.once && succeeded.has(endpoint)) return expect(answer).toEqual({ status: 409, body: expect.stringContaining(`"rules":["${endpoint.once}"]`) });
    const success = endpoint.method === 'post' ? [200, 201] : [200];
    expect({ ...answer, success: success.includes(answer.status) }).toEqual({ ...answer, success: true });
    succeeded.add(endpoint);
  });

  describe('tokens that are refused with 401', () => {
    const target = () => `${platform.projection.url}/views/national`;
    let realKey: CryptoKey | Uint8Array;
    let kid: string;

    beforeAll(async () => {
      const jwk = JSON.parse(readFileSync(platform.signingKeyFile, 'utf8')) as JWK;
      realKey = await importJWK(jwk, 'RS256');
      kid = (await getJson<{ keys: JWK[] }>(`${platform.identity.url}/.well-known/jwks.json`)).keys[0]!.kid!;
    });

    const sign = (key: CryptoKey | Uint8Array, claims: { audience?: string; expiresAt?: number; issuedAt?: number; typ?: string }) =>
      new SignJWT({ role: 'HQ_ANALYST' })
        .setProtectedHeader({ alg: 'RS256', kid, typ: claims.typ ?? 'at+jwt' })
        .setIssuer(platform.issuer)
        .setAudience(claims.audience ?? 'qorgau')
        .setSubject('hq-analyst')
        .setIssuedAt(claims.issuedAt ?? Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(claims.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
        .sign(key);

    const status = async (authorization?: string) => (await fetch(target(), { headers: authorization ? { authorization } : {} })).status;

    it('accepts a well-formed token signed by the issuer (the control case)', async () => {
      expect(await status(`Bearer ${await sign(realKey, {})}`)).toBe(200);
    });
    it('refuses a request without a token', async () => expect(await status()).toBe(401));
    it('refuses a malformed authorization header', async () => expect(await status('Bearer not-a-token')).toBe(401));
    it('refuses an expired token', async () => expect(await status(`Bearer ${await sign(realKey, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`)).toBe(401));
    it('refuses a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      expect(await status(`Bearer ${await sign(privateKey, {})}`)).toBe(401);
    });
    it('refuses a token for another audience', async () => expect(await status(`Bearer ${await sign(realKey, { audience: 'another-app' })}`)).toBe(401));
    it('refuses a JWT that is not an access token (typ other than at+jwt), such as an ID token', async () => {
      expect(await status(`Bearer ${await sign(realKey, { typ: 'JWT' })}`)).toBe(401);
    });
    it('refuses a token issued more than 12 hours ago, whatever its expiry', async () => {
      const now = Math.floor(Date.now() / 1000);
      expect(await status(`Bearer ${await sign(realKey, { issuedAt: now - 13 * 3600, expiresAt: now + 3600 })}`)).toBe(401);
    });
  });
});
