import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indicatorByCode, measureOf } from '@qorgau/contracts';
import type { ApiClient } from './api-client';

/**
 * A scripted year of work in two regions, through the platform's own APIs, as the people who do it:
 * hotline calls, legal and psychological consultations, trainings with participants, materials,
 * media, a raid that identifies victims, a victim's case from identification through legal
 * assistance, rehabilitation and repatriation, criminal proceedings to a conviction, a complaint
 * against an agency and official statistics. Every fact is tallied here as it is recorded; the
 * national quarterly 4P reports must show exactly those counts (on top of whatever the platform
 * held before), and their exports must withhold the small cells.
 */

const A = 'KZ-79' as const;
const B = 'KZ-71' as const;
type Region = typeof A | typeof B;
type Quarter = 1 | 2 | 3 | 4;
const QUARTERS: Quarter[] = [1, 2, 3, 4];

export interface DemoOptions {
  readonly year: number;
  readonly log: (line: string) => void;
  /** Where the exports are written; nothing is written when absent. */
  readonly exportDir?: string;
  /** How long to wait for the views to catch up with the last fact. */
  readonly settleMs?: number;
}

export interface QuarterResult {
  readonly period: string;
  readonly reportId: string;
  readonly rows: { code: string; pillar: string; scope: string; expected: number; reported: number }[];
  readonly mismatches: number;
  readonly csv: string;
  readonly sdmx: { data: { dataSets: { observations: Record<string, (number | null)[]> }[] } };
  /** The same report as ADX, for partners on DHIS2. */
  readonly adx: string;
  /** And as SDMX-CSV: one row per observation of the SDMX-JSON message. */
  readonly sdmxCsv: string;
}

interface Indicator {
  code: string;
  pillar: string;
  title: string;
}

interface Report {
  id: string;
  status: string;
  figures: Record<string, { total: number; regions: Record<string, number> }>;
}

/** What the script has recorded, per quarter, region and indicator. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(quarter: Quarter, region: Region, code: string, n = 1): void {
    const key = `${quarter}|${region}|${code}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
  of(quarter: Quarter, region: Region | 'KZ', code: string): number {
    const regions: Region[] = region === 'KZ' ? [A, B] : [region];
    return regions.reduce((sum, r) => sum + (this.counts.get(`${quarter}|${r}|${code}`) ?? 0), 0);
  }
}

const users = (region: Region) => {
  const r = region.toLowerCase();
  return {
    operator: `hotline-operator.${r}`,
    lawyer: `lawyer.${r}`,
    psychologist: `psychologist.${r}`,
    socialWorker: `social-worker.${r}`,
    manager: `regional-manager.${r}`,
    outreach: `outreach-coordinator.${r}`,
  };
};

export interface DemoResult {
  readonly quarters: QuarterResult[];
  /** The victim's case followed from identification to repatriation. */
  readonly caseId: string;
  /** The cases intake opened for the victims found in the raid. */
  readonly raidCaseIds: string[];
  /** The data structure definition every SDMX export follows (SDMX-JSON structure message). */
  readonly structure: unknown;
}

export async function runYearDemo(api: ApiClient, options: DemoOptions): Promise<DemoResult> {
  const { year, log } = options;
  const at = (q: Quarter, monthInQuarter: 1 | 2 | 3, day: number, hour = 10): string =>
    `${year}-${String((q - 1) * 3 + monthInQuarter).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+05:00`;
  const period = (q: Quarter) => `${year}-Q${q}`;
  const hq = 'hq-analyst';
  const tally = new Tally();

  const catalogue = await api.get<{ version: number; indicators: Indicator[]; officialMeasures: Indicator[] }>(hq, 'statistics', '/indicators');
  log(`indicator catalogue v${catalogue.version}: ${catalogue.indicators.length} indicators, ${catalogue.officialMeasures.length} official measures`);

  // What the views held for the year before the script ran, so the demo can run on a platform in use.
  const baseline = new Map<string, number>();
  for (const q of QUARTERS) {
    for (const scope of ['KZ', A, B] as const) {
      const view = await api.get<{ metrics: Record<string, { total: number }> }>(
        hq,
        'projection',
        scope === 'KZ' ? `/views/national?quarter=${period(q)}` : `/views/regions/${scope}?quarter=${period(q)}`,
      );
      for (const [code, metric] of Object.entries(view.metrics)) baseline.set(`${q}|${scope}|${code}`, metric.total);
    }
  }

  // Prevention and protection, every quarter, in both regions.
  const CALLS = { [A]: [7, 5, 6, 4], [B]: [4, 3, 2, 5] } as const;
  const LEGAL = { [A]: [6, 4, 5, 3], [B]: [3, 2, 4, 1] } as const;
  const PSYCH = { [A]: [5, 3, 4, 2], [B]: [2, 1, 3, 1] } as const;
  const CATEGORIES = ['PREPARING_TO_TRAVEL_ABROAD', 'RELATIVE_CONCERNED_ABOUT_SOMEONE', 'ACQUAINTANCE', 'NGO_REPRESENTATIVE', 'ON_BEHALF_OF_SOMEONE'];
  for (const q of QUARTERS) {
    for (const region of [A, B] as const) {
      const u = users(region);
      for (let i = 0; i < CALLS[region][q - 1]; i++) {
        const referrals = i % 3 === 0 ? ['LEGAL'] : [];
        await api.post(u.operator, 'intake', '/hotline-calls', {
          region,
          receivedAt: at(q, ((i % 3) + 1) as 1 | 2 | 3, 3 + i),
          channel: i % 2 ? 'WHATSAPP' : 'VOICE_CALL',
          callerSex: i % 2 ? 'MALE' : 'FEMALE',
          callerAgeBand: 'AGE_18_24',
          callerCategory: CATEGORIES[i % CATEGORIES.length],
          topics: ['EMPLOYMENT_ABROAD'],
          destinationCountry: i % 2 ? 'RU' : 'TR',
          referrals,
        });
        tally.add(q, region, 'hotline_calls');
        tally.add(q, region, 'referrals', referrals.length);
      }
      for (let i = 0; i < LEGAL[region][q - 1]; i++) {
        await api.post(u.lawyer, 'legal', '/consultations', {
          region,
          givenAt: at(q, ((i % 3) + 1) as 1 | 2 | 3, 5 + i),
          clientType: i % 2 ? 'RELATIVE' : 'PERSON_AT_RISK',
          clientSex: i % 2 ? 'MALE' : 'FEMALE',
          clientAgeBand: 'AGE_25_34',
          topics: i % 2 ? ['AGENCY_CHECK'] : ['LABOUR_CONTRACT_REVIEW', 'VISA_AND_REGISTRATION'],
          outcome: 'ADVICE_GIVEN',
        });
        tally.add(q, region, 'legal_consultations');
      }
      for (let i = 0; i < PSYCH[region][q - 1]; i++) {
        await api.post(u.psychologist, 'psychology', '/consultations', {
          region,
          givenAt: at(q, ((i % 3) + 1) as 1 | 2 | 3, 6 + i),
          clientType: i % 2 ? 'FAMILY_OR_CLOSE_PERSON' : 'PERSON_AT_RISK',
          clientSex: 'FEMALE',
          clientAgeBand: 'AGE_18_24',
          format: i % 2 ? 'TELEPHONE' : 'IN_PERSON',
          presentingIssues: ['ANXIETY'],
        });
        tally.add(q, region, 'psychological_consultations');
      }
    }
  }
  log('hotline calls, legal and psychological consultations recorded for four quarters in two regions');

  // Trainings with participants by sex and age band.
  const trainings: {
    q: Quarter;
    region: Region;
    site: string;
    siteType: string;
    audience: string;
    participants: { sex: string; ageBand: string; count: number }[];
    hours: number;
    partner?: string;
  }[] = [
    {
      q: 1,
      region: A,
      site: 'School No. 12',
      siteType: 'SCHOOL',
      audience: 'PUPILS',
      participants: [
        { sex: 'FEMALE', ageBand: 'AGE_13_17', count: 14 },
        { sex: 'MALE', ageBand: 'AGE_13_17', count: 11 },
      ],
      hours: 2,
      partner: 'Youth Resource Centre',
    },
    {
      q: 1,
      region: B,
      site: 'L. N. Gumilyov University',
      siteType: 'UNIVERSITY',
      audience: 'STUDENTS',
      participants: [
        { sex: 'FEMALE', ageBand: 'AGE_18_24', count: 20 },
        { sex: 'MALE', ageBand: 'AGE_18_24', count: 2 },
      ],
      hours: 3,
    },
    {
      q: 3,
      region: A,
      site: 'Summer camp "Baldauren"',
      siteType: 'SUMMER_CAMP',
      audience: 'PUPILS',
      participants: [
        { sex: 'FEMALE', ageBand: 'AGE_13_17', count: 30 },
        { sex: 'MALE', ageBand: 'AGE_13_17', count: 28 },
      ],
      hours: 4,
    },
    {
      q: 4,
      region: B,
      site: 'Boarding school No. 3',
      siteType: 'ORPHANAGE_OR_BOARDING_SCHOOL',
      audience: 'PUPILS',
      participants: [
        { sex: 'FEMALE', ageBand: 'AGE_13_17', count: 9 },
        { sex: 'MALE', ageBand: 'AGE_13_17', count: 7 },
      ],
      hours: 2,
      partner: 'Department of Education',
    },
  ];
  for (const t of trainings) {
    await api.post(users(t.region).outreach, 'outreach', '/trainings', {
      region: t.region,
      heldAt: at(t.q, 2, 14),
      site: t.site,
      siteType: t.siteType,
      audience: t.audience,
      participants: t.participants,
      hours: t.hours,
      ...(t.partner ? { partner: t.partner } : {}),
    });
    tally.add(t.q, t.region, 'trainings_held');
    tally.add(
      t.q,
      t.region,
      'training_participants',
      t.participants.reduce((sum, p) => sum + p.count, 0),
    );
    tally.add(t.q, t.region, 'training_hours', t.hours);
    if (t.partner) tally.add(t.q, t.region, 'partner_trainings');
  }
  for (const m of [
    { q: 1 as Quarter, region: A as Region, kind: 'BOOKLET', title: 'Safe travel abroad', quantity: 500 },
    { q: 2 as Quarter, region: B as Region, kind: 'BROCHURE', title: 'Your rights at work abroad', quantity: 300 },
    { q: 4 as Quarter, region: A, kind: 'POSTER', title: 'Hotline 1409', quantity: 50 },
  ]) {
    await api.post(users(m.region).outreach, 'outreach', '/materials', { region: m.region, distributedAt: at(m.q, 1, 20), kind: m.kind, title: m.title, quantity: m.quantity });
    tally.add(m.q, m.region, 'materials_distributed', m.quantity);
  }
  for (const m of [
    { q: 2 as Quarter, region: B as Region, kind: 'TV', outlet: 'Khabar' },
    { q: 3 as Quarter, region: A, kind: 'NEWSPAPER_ARTICLE', outlet: 'Ontustik Qazaqstan' },
  ]) {
    await api.post(users(m.region).outreach, 'outreach', '/media', { region: m.region, publishedAt: at(m.q, 2, 2), kind: m.kind, outlet: m.outlet });
    tally.add(m.q, m.region, 'media_outputs');
  }
  for (const v of [
    { q: 3 as Quarter, volunteers: 12, hours: 2 },
    { q: 4 as Quarter, volunteers: 10, hours: 3 },
  ]) {
    await api.post(users(A).outreach, 'outreach', '/volunteer-sessions', { region: A, heldAt: at(v.q, 3, 9), volunteers: v.volunteers, hours: v.hours, activity: 'Peer education club' });
    tally.add(v.q, A, 'volunteer_sessions');
  }
  // Agreements with partners: referrals with the police until the end of August; a memorandum with IOM without an end.
  for (const a of [
    { q: 1 as Quarter, partyType: 'LAW_ENFORCEMENT', partyName: 'City police department', scope: ['REFERRAL'], expiresOn: `${year}-08-31`, endsIn: 3 as Quarter },
    { q: 2 as Quarter, partyType: 'INTERNATIONAL_ORGANISATION', partyName: 'IOM mission', scope: ['SHELTER', 'DATA_SHARING'], expiresOn: null, endsIn: null },
  ]) {
    await api.post(users(A).outreach, 'outreach', '/agreements', {
      region: A,
      signedAt: at(a.q, 1, 15),
      partyType: a.partyType,
      partyName: a.partyName,
      scope: a.scope,
      ...(a.expiresOn ? { expiresOn: a.expiresOn } : {}),
    });
    tally.add(a.q, A, 'agreements_signed');
    tally.add(a.q, A, 'agreements_in_force');
    if (a.endsIn) tally.add(a.endsIn, A, 'agreements_in_force', -1);
  }
  log('trainings (with participants), materials, media, volunteer sessions and agreements recorded');

  // A raid with the migration police identifies three victims: intake opens a case for each.
  const raid = await api.post<{ raidId: string; victims: { caseId: string }[] }>(users(A).outreach, 'outreach', '/raids', {
    region: A,
    conductedAt: at(2, 2, 18, 22),
    placeType: 'CONSTRUCTION_SITE',
    partnerAgency: 'MIGRATION_POLICE',
    personsScreened: 40,
    victims: Array.from({ length: 3 }, () => ({ sex: 'MALE', ageBand: 'AGE_25_34', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' })),
  });
  tally.add(2, A, 'joint_raids');
  tally.add(2, A, 'persons_screened', 40);
  tally.add(2, A, 'cases_opened', 3);
  tally.add(2, A, 'victims_identified', 3);
  for (const victim of raid.victims) await until(() => api.get(users(A).operator, 'intake', `/cases/${victim.caseId}`), `intake to open the case of a victim found in raid ${raid.raidId}`);
  log(`raid ${raid.raidId}: 40 persons screened, 3 victims identified; intake opened their cases`);

  // A victim's case, from identification through legal assistance, rehabilitation and repatriation.
  const u = users(A);
  const victimCase = await api.post<{ id: string }>(u.operator, 'intake', '/cases', {
    region: A,
    openedAt: at(2, 1, 10),
    subjectSex: 'FEMALE',
    subjectAgeBand: 'AGE_18_24',
    citizenship: 'UZ',
    exploitationForm: 'SEXUAL',
    scope: 'CROSS_BORDER',
    identifiedBy: 'POLICE',
    consent: { services: true, externalReferral: true, reporting: true },
    subjectName: 'Demo Person (personal: stays in intake)',
  });
  const caseId = victimCase.id;
  tally.add(2, A, 'cases_opened');
  tally.add(2, A, 'victims_identified');
  for (const destination of ['LEGAL', 'PSYCHOLOGY', 'SHELTER']) {
    await api.post(u.operator, 'intake', `/cases/${caseId}/referrals`, { destination, referredAt: at(2, 1, 11) });
    tally.add(2, A, 'referrals');
  }
  tally.add(2, A, 'rehabilitation_started');
  await until(() => api.get(u.lawyer, 'legal', `/case-assistance/${caseId}`), 'legal to open its work on the referred case');
  await until(() => api.get(u.psychologist, 'psychology', `/rehabilitation-plans/${caseId}`), 'psychology to open the rehabilitation plan');
  await api.post(u.lawyer, 'legal', `/case-assistance/${caseId}/actions`, { kind: 'DOCUMENTS_RESTORED', at: at(2, 2, 3) });
  tally.add(2, A, 'legal_assistance');
  await api.post(u.psychologist, 'psychology', `/rehabilitation-plans/${caseId}/assessment`, { assessedAt: at(2, 1, 15), note: 'Assessment notes (psychologists only)' });
  for (const [q, m, d] of [
    [2, 2, 1],
    [3, 1, 5],
    [3, 1, 19],
  ] as const) {
    await api.post(u.psychologist, 'psychology', `/rehabilitation-plans/${caseId}/sessions`, { heldAt: at(q, m, d), format: 'IN_PERSON' });
    tally.add(q, A, 'rehabilitation_sessions');
  }
  await api.post(u.psychologist, 'psychology', `/rehabilitation-plans/${caseId}/ending`, { endedAt: at(3, 2, 2), outcome: 'COMPLETED' });
  tally.add(3, A, 'rehabilitation_ended');
  await api.post(u.lawyer, 'legal', `/case-assistance/${caseId}/actions`, { kind: 'REPATRIATION', at: at(3, 2, 20), country: 'UZ', embassyInvolved: true });
  tally.add(3, A, 'legal_assistance');
  tally.add(3, A, 'victims_repatriated');
  // She stayed in the office's shelter from the referral until she flew home, and was followed up twice.
  const shelter = await api.post<{ id: string }>(u.manager, 'social', '/shelters', {
    region: A,
    name: 'Umit',
    capacity: 12,
    funding: ['DONOR_GRANT'],
    address: 'Secret (personal-grade: stays in social services)',
  });
  await until(() => api.get(u.socialWorker, 'social', `/stays/${caseId}`), 'social services to queue the admission');
  await api.post(u.socialWorker, 'social', `/stays/${caseId}/admission`, { shelterId: shelter.id, admittedAt: at(2, 1, 12) });
  tally.add(2, A, 'victims_sheltered');
  tally.add(2, A, 'shelter_residents');
  for (const [kind, q, m, d] of [
    ['CLOTHING', 2, 1, 12],
    ['MEDICAL_CARE', 2, 1, 14],
    ['HYGIENE', 3, 1, 2],
  ] as const) {
    await api.post(u.socialWorker, 'social', `/stays/${caseId}/assistance`, { kind, givenAt: at(q, m, d) });
    tally.add(q, A, 'basic_assistance');
  }
  // Art therapy at the shelter while her rehabilitation plan ran, group therapy after it ended.
  for (const [therapy, q, m, d] of [
    ['ART', 2, 2, 10],
    ['GROUP', 3, 2, 10],
  ] as const) {
    await api.post(u.socialWorker, 'social', `/stays/${caseId}/therapy-sessions`, { therapy, heldAt: at(q, m, d) });
    tally.add(q, A, 'shelter_therapy_sessions');
  }
  await api.post(u.socialWorker, 'social', `/stays/${caseId}/discharge`, { dischargedAt: at(3, 2, 20, 18), exit: 'REPATRIATED', country: 'UZ', aftercareUntil: `${year}-12-31` });
  // Nights between calendar days: the 12th of the fourth month to the 20th of the eighth.
  const nights = Math.round((Date.parse(`${year}-08-20T00:00:00Z`) - Date.parse(`${year}-04-12T00:00:00Z`)) / 86_400_000);
  tally.add(3, A, 'shelter_exits');
  tally.add(3, A, 'shelter_residents', -1);
  tally.add(3, A, 'shelter_bed_nights', nights);
  for (const [q, m, d] of [
    [3, 3, 20],
    [4, 2, 20],
  ] as const) {
    await api.post(u.socialWorker, 'social', `/stays/${caseId}/aftercare-contacts`, { contactedAt: at(q, m, d) });
    tally.add(q, A, 'aftercare_contacts');
  }
  await api.post(u.operator, 'intake', `/cases/${caseId}/closure`, { reason: 'RETURNED_HOME', closedAt: at(3, 3, 1) });
  tally.add(3, A, 'cases_closed');
  log(`case ${caseId}: identified, referred to legal, psychology and the shelter, documents restored, sheltered ${nights} nights, rehabilitated, repatriated to UZ, followed up twice, closed`);

  // A young woman from the region, deceived into unpaid work: the hotline refers her to the shelter;
  // a month later she goes home to her family, and is followed up twice.
  const domestic = await api.post<{ id: string }>(u.operator, 'intake', '/cases', {
    region: A,
    openedAt: at(4, 1, 5),
    subjectSex: 'FEMALE',
    subjectAgeBand: 'AGE_18_24',
    citizenship: 'KZ',
    exploitationForm: 'LABOUR',
    scope: 'DOMESTIC',
    identifiedBy: 'NGO',
    consent: { services: true, externalReferral: true, reporting: true },
  });
  tally.add(4, A, 'cases_opened');
  tally.add(4, A, 'victims_identified');
  await api.post(u.operator, 'intake', `/cases/${domestic.id}/referrals`, { destination: 'SHELTER', referredAt: at(4, 1, 5, 12) });
  tally.add(4, A, 'referrals');
  await until(() => api.get(u.socialWorker, 'social', `/stays/${domestic.id}`), 'social services to queue her admission');
  await api.post(u.socialWorker, 'social', `/stays/${domestic.id}/admission`, { shelterId: shelter.id, admittedAt: at(4, 1, 5, 16) });
  tally.add(4, A, 'victims_sheltered');
  tally.add(4, A, 'shelter_residents');
  await api.post(u.socialWorker, 'social', `/stays/${domestic.id}/assistance`, { kind: 'FOOD', givenAt: at(4, 1, 6) });
  tally.add(4, A, 'basic_assistance');
  await api.post(u.socialWorker, 'social', `/stays/${domestic.id}/discharge`, { dischargedAt: at(4, 2, 4), exit: 'REUNITED_WITH_FAMILY', aftercareUntil: `${year}-12-31` });
  // The 5th of October to the 4th of November: 30 nights.
  tally.add(4, A, 'shelter_exits');
  tally.add(4, A, 'shelter_bed_nights', 30);
  tally.add(4, A, 'shelter_residents', -1);
  for (const d of [15, 28] as const) {
    await api.post(u.socialWorker, 'social', `/stays/${domestic.id}/aftercare-contacts`, { contactedAt: at(4, 2, d) });
    tally.add(4, A, 'aftercare_contacts');
  }
  log(`case ${domestic.id}: referred from the hotline to the shelter, sheltered 30 nights, back with her family, followed up twice`);

  // Criminal proceedings against the traffickers, to a conviction; a complaint against the agency that recruited her.
  const proceeding = await api.post<{ id: string }>(u.lawyer, 'legal', '/criminal-proceedings', { region: A, caseId, openedAt: at(3, 1, 8), stage: 'COMPLAINT', articles: ['128.3'] });
  tally.add(3, A, 'criminal_proceedings_opened');
  for (const [q, stage, m] of [
    [3, 'INVESTIGATION', 2],
    [4, 'PROSECUTION', 1],
    [4, 'TRIAL', 2],
  ] as const) {
    await api.post(u.lawyer, 'legal', `/criminal-proceedings/${proceeding.id}/stage`, { stage, at: at(q, m, 10) });
    tally.add(q, A, 'proceedings_advanced');
  }
  await api.post(u.lawyer, 'legal', `/criminal-proceedings/${proceeding.id}/verdict`, { verdict: 'CONVICTION', sentenceYears: 8, deliveredAt: at(4, 3, 12) });
  tally.add(4, A, 'verdicts');
  const complaint = await api.post<{ complaintId: string; id: string }>(users(B).lawyer, 'legal', '/agency-complaints', {
    region: B,
    filedAt: at(3, 2, 5),
    agencyType: 'EMPLOYMENT_AGENCY',
    agencyName: 'Demo Recruitment LLP',
  });
  tally.add(3, B, 'agency_complaints');
  await api.post(users(B).lawyer, 'legal', `/agency-complaints/${complaint.id}/decision`, { decision: 'LICENCE_REVOKED', decidedAt: at(4, 1, 20) });
  tally.add(4, B, 'agency_decisions');
  log(`criminal proceedings ${proceeding.id} (art. 128.3) ended in a conviction, 8 years; agency complaint ended with its licence revoked`);

  // Official statistics from the prosecutor's office for the last quarter.
  const official = [
    { measure: 'CONVICTIONS', total: 3, breakdowns: { exploitation_form: { LABOUR: 1, SEXUAL: 2 } } },
    { measure: 'VICTIMS_IDENTIFIED', total: 14, breakdowns: { citizenship: { UZ: 9, KZ: 5 } } },
  ];
  for (const o of official) await api.post(hq, 'statistics', '/official-statistics', { scope: 'KZ', periodKind: 'QUARTER', period: period(4), source: 'GENERAL_PROSECUTOR_OFFICE', ...o });
  log('official statistics entered for the fourth quarter');

  // The views catch up within moments; then each quarter's national report is drafted, checked, approved, submitted and exported.
  // A flow counts the quarter's facts; a stock is the balance at the quarter's end; an average divides two flows.
  const expected = (q: Quarter, scope: Region | 'KZ', code: string): number => {
    const measure = measureOf(indicatorByCode(code) ?? {});
    if (measure.kind === 'AVERAGE') {
      const per = expected(q, scope, measure.per);
      return per > 0 ? Math.round(expected(q, scope, measure.of) / per) : 0;
    }
    const quarters = measure.kind === 'STOCK' ? QUARTERS.filter((earlier) => earlier <= q) : [q];
    return (baseline.get(`${q}|${scope}|${code}`) ?? 0) + quarters.reduce((sum, earlier) => sum + tally.of(earlier, scope, code), 0);
  };
  await until(
    async () => {
      for (const q of QUARTERS) {
        const view = await api.get<{ metrics: Record<string, { total: number }> }>(hq, 'projection', `/views/national?quarter=${period(q)}`);
        for (const { code } of catalogue.indicators) if (view.metrics[code]?.total !== expected(q, 'KZ', code)) throw new Error(`${period(q)} ${code}`);
      }
    },
    'the views to count every fact',
    options.settleMs ?? 60_000,
  ).catch(() => log('the views did not catch up in time; the reports below show what they hold'));

  const results: QuarterResult[] = [];
  for (const q of QUARTERS) {
    const report = await api.post<Report>(hq, 'statistics', '/reports', { scope: 'KZ', periodKind: 'QUARTER', period: period(q) });
    const rows = catalogue.indicators.flatMap((indicator) =>
      (['KZ', A, B] as const).map((scope) => {
        const figure = report.figures[indicator.code];
        return { code: indicator.code, pillar: indicator.pillar, scope, expected: expected(q, scope, indicator.code), reported: (scope === 'KZ' ? figure?.total : figure?.regions[scope]) ?? 0 };
      }),
    );
    if (q === 4)
      for (const o of official)
        rows.push({ code: `official_${o.measure.toLowerCase()}`, pillar: 'OFFICIAL', scope: 'KZ', expected: o.total, reported: report.figures[`official_${o.measure.toLowerCase()}`]?.total ?? 0 });
    const mismatches = rows.filter((r) => r.expected !== r.reported);
    await api.post(hq, 'statistics', `/reports/${report.id}/approval`);
    await api.post(hq, 'statistics', `/reports/${report.id}/submission`);
    const csv = await (await api.fetch(hq, 'statistics', `/reports/${report.id}/export?format=csv`)).text();
    const sdmx = (await (await api.fetch(hq, 'statistics', `/reports/${report.id}/export?format=sdmx-json`)).json()) as QuarterResult['sdmx'];
    const adx = await (await api.fetch(hq, 'statistics', `/reports/${report.id}/export?format=adx`)).text();
    const sdmxCsv = await (await api.fetch(hq, 'statistics', `/reports/${report.id}/export?format=sdmx-csv`)).text();
    if (options.exportDir) {
      mkdirSync(options.exportDir, { recursive: true });
      writeFileSync(path.join(options.exportDir, `qorgau-KZ-${period(q)}.csv`), csv);
      writeFileSync(path.join(options.exportDir, `qorgau-KZ-${period(q)}.sdmx.json`), JSON.stringify(sdmx, null, 2));
      writeFileSync(path.join(options.exportDir, `qorgau-KZ-${period(q)}.adx.xml`), adx);
      writeFileSync(path.join(options.exportDir, `qorgau-KZ-${period(q)}.sdmx.csv`), sdmxCsv);
    }
    results.push({ period: period(q), reportId: report.id, rows, mismatches: mismatches.length, csv, sdmx, adx, sdmxCsv });
    printQuarter(log, period(q), report.id, rows, csv);
  }
  const structure = (await (await api.fetch(hq, 'statistics', '/indicators/sdmx-structure')).json()) as unknown;
  if (options.exportDir) writeFileSync(path.join(options.exportDir, 'qorgau-DSD_4P.json'), JSON.stringify(structure, null, 2));
  return { quarters: results, caseId, raidCaseIds: raid.victims.map((v) => v.caseId), structure };
}

function printQuarter(log: (line: string) => void, period: string, reportId: string, rows: QuarterResult['rows'], csv: string): void {
  const national = rows.filter((r) => r.scope === 'KZ' && (r.expected !== 0 || r.reported !== 0));
  const lines = csv.trimEnd().split('\r\n').slice(1);
  const withheld = { C: lines.filter((l) => l.split(',').at(-2) === 'C').length, D: lines.filter((l) => l.split(',').at(-2) === 'D').length };
  log('');
  log(`National 4P report ${period} (report ${reportId}, submitted)`);
  log(`  ${'pillar'.padEnd(12)} ${'indicator'.padEnd(30)} ${'facts'.padStart(6)} ${'report'.padStart(7)}`);
  for (const r of national) log(`  ${r.pillar.padEnd(12)} ${r.code.padEnd(30)} ${String(r.expected).padStart(6)} ${String(r.reported).padStart(7)} ${r.expected === r.reported ? 'ok' : 'MISMATCH'}`);
  const regional = rows.filter((r) => r.scope !== 'KZ');
  log(`  regions: ${regional.filter((r) => r.expected === r.reported).length} of ${regional.length} regional figures equal their facts`);
  log(`  export: ${lines.length} cells, ${withheld.C} withheld as small (C), ${withheld.D} withheld as revealing them (D)`);
}

/** Retries until the call succeeds (an asynchronous effect reaching another service) or time runs out. */
async function until<T>(call: () => Promise<T>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}: ${error instanceof Error ? error.message : String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
