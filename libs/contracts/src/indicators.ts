import type { EventPayload, EventType } from './event-catalogue';
import type { RegionCode } from './regions';

/**
 * The 4P indicator catalogue: every figure the NGO reports, defined once — its code, pillar, unit,
 * breakdowns and the events it counts. The projection computes every indicator from this table,
 * and the statistics service reports and suppresses by it; nothing else lists indicators.
 *
 * Changing what an indicator counts, or removing one, is a new catalogue version (reports record
 * the version they were computed with). Adding an indicator or a breakdown is too.
 */
export const INDICATOR_CATALOGUE_VERSION = 4;
// Version 2 (2026-11): the shelter and social services — victims sheltered, bed-nights, exits by
// outcome, basic assistance by kind, aftercare contacts — and partnership records: coordination
// meetings attended and agreements signed. Version 1's indicators count as before.
// Version 3 (2026-11): therapy sessions held at shelters, by kind and whether a rehabilitation plan
// holds them. Version 2's indicators count as before.
// Version 4 (2026-12): figures that are not counts of a period's facts — victims staying in shelters
// (by shelter) and agreements in force at the period's end (stocks), and the average length of a
// shelter stay. Version 3's indicators count as before.

/** The whole country as a reporting scope (ISO 3166-1 alpha-2), beside the regions (ISO 3166-2:KZ). */
export const NATIONAL = 'KZ' as const;
export type ReportingScope = typeof NATIONAL | RegionCode;

/** The cell that holds an indicator's total, beside the cells of its breakdowns. */
export const TOTAL = { dimension: 'total', value: 'all' } as const;

export const PILLARS = ['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP'] as const;
export type Pillar = (typeof PILLARS)[number];

export type IndicatorUnit = 'PERSONS' | 'CALLS' | 'EVENTS' | 'ITEMS' | 'HOURS' | 'CASES' | 'NIGHTS';

/** One counted fact: how much it adds, when it happened and how it breaks down. */
export interface IndicatorFact {
  readonly at: string;
  readonly count: number;
  /** Dimension → value; a list adds the count to each of its values; null leaves the dimension out. */
  readonly breakdown: Readonly<Record<string, string | readonly string[] | null>>;
}

export interface IndicatorSource<T extends EventType = EventType> {
  readonly event: T;
  readonly facts: (payload: EventPayload<T>) => IndicatorFact[];
}

export interface Breakdown<D extends string = string> {
  readonly dimension: D;
  readonly label: string;
  /**
   * A fact may carry several values (a call about two topics): the values do not add up to the
   * total, so no value can be derived from the others.
   */
  readonly multiple?: true;
}

/**
 * What a figure of a period is. FLOW (the default): the facts dated in it, added up. STOCK: the
 * balance on its last day — facts add and take away (an admission +1, a discharge −1), from the
 * first fact ever. AVERAGE: one indicator's figure per another's (bed-nights per stay ended),
 * rounded; it has no facts of its own.
 */
export type IndicatorMeasure = { readonly kind: 'FLOW' } | { readonly kind: 'STOCK' } | { readonly kind: 'AVERAGE'; readonly of: string; readonly per: string };

export interface IndicatorDefinition<C extends string = string, D extends string = string> {
  readonly code: C;
  readonly pillar: Pillar;
  readonly title: string;
  readonly unit: IndicatorUnit;
  /** FLOW when absent. */
  readonly measure?: IndicatorMeasure;
  /** Counts people: any count below the threshold, and any cell it could be derived from, is withheld outside. */
  readonly countsPeople: boolean;
  readonly breakdowns: readonly Breakdown<D>[];
  readonly sources: readonly IndicatorSource[];
}

const source = <T extends EventType>(event: T, facts: (payload: EventPayload<T>) => IndicatorFact[]): IndicatorSource => ({ event, facts }) as unknown as IndicatorSource;
const one = (at: string, breakdown: IndicatorFact['breakdown'] = {}, count = 1): IndicatorFact[] => [{ at, count, breakdown }];

const b = <const D extends string>(dimension: D, label: string, multiple?: true): Breakdown<D> => (multiple ? { dimension, label, multiple } : { dimension, label });
const SUBJECT = [b('exploitation_form', 'Form of exploitation'), b('citizenship', 'Citizenship'), b('sex', 'Sex'), b('age_band', 'Age band')];
const subject = (p: { exploitationForm: string; citizenship: string; subjectSex: string; subjectAgeBand: string }) => ({
  exploitation_form: p.exploitationForm,
  citizenship: p.citizenship,
  sex: p.subjectSex,
  age_band: p.subjectAgeBand,
});

// Keeps each code and dimension as a literal type, so IndicatorCode and BreakdownDimension are derived from this table.
const indicator = <const C extends string, const D extends string>(definition: IndicatorDefinition<C, D>): IndicatorDefinition<C, D> => definition;

export const INDICATORS = [
  // Prevention
  indicator({
    code: 'hotline_calls',
    pillar: 'PREVENTION',
    title: 'Hotline calls received',
    unit: 'CALLS',
    countsPeople: true,
    breakdowns: [
      b('caller_sex', 'Caller sex'),
      b('caller_category', 'Caller category'),
      b('caller_age_band', 'Caller age band'),
      b('channel', 'Channel'),
      b('topic', 'Topic', true),
      b('destination_country', 'Destination country'),
    ],
    sources: [
      source('HotlineCallLogged', (p) =>
        one(p.receivedAt, {
          caller_sex: p.callerSex,
          caller_category: p.callerCategory,
          caller_age_band: p.callerAgeBand,
          channel: p.channel,
          topic: p.topics,
          destination_country: p.destinationCountry,
        }),
      ),
    ],
  }),
  indicator({
    code: 'trainings_held',
    pillar: 'PREVENTION',
    title: 'Trainings and seminars held',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('site_type', 'Type of site'), b('audience', 'Audience')],
    sources: [source('TrainingHeld', (p) => one(p.heldAt, { site_type: p.siteType, audience: p.audience }))],
  }),
  indicator({
    code: 'training_participants',
    pillar: 'PREVENTION',
    title: 'Participants of trainings and seminars',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('sex', 'Sex'), b('age_band', 'Age band'), b('site_type', 'Type of site'), b('audience', 'Audience')],
    sources: [
      source('TrainingHeld', (p) =>
        p.participants.map((group) => ({ at: p.heldAt, count: group.count, breakdown: { sex: group.sex, age_band: group.ageBand, site_type: p.siteType, audience: p.audience } })),
      ),
    ],
  }),
  indicator({
    code: 'training_hours',
    pillar: 'PREVENTION',
    title: 'Hours of training delivered',
    unit: 'HOURS',
    countsPeople: false,
    breakdowns: [b('site_type', 'Type of site')],
    sources: [source('TrainingHeld', (p) => one(p.heldAt, { site_type: p.siteType }, p.hours))],
  }),
  indicator({
    code: 'materials_distributed',
    pillar: 'PREVENTION',
    title: 'Information materials distributed',
    unit: 'ITEMS',
    countsPeople: false,
    breakdowns: [b('kind', 'Kind of material')],
    sources: [source('MaterialsDistributed', (p) => one(p.distributedAt, { kind: p.kind }, p.quantity))],
  }),
  indicator({
    code: 'media_outputs',
    pillar: 'PREVENTION',
    title: 'Media outputs',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('kind', 'Kind of media')],
    sources: [source('MediaOutputPublished', (p) => one(p.publishedAt, { kind: p.kind }))],
  }),
  indicator({
    code: 'volunteer_sessions',
    pillar: 'PREVENTION',
    title: 'Volunteer club sessions',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [],
    sources: [source('VolunteerSessionHeld', (p) => one(p.heldAt))],
  }),

  // Protection
  indicator({
    code: 'cases_opened',
    pillar: 'PROTECTION',
    title: 'Victim cases opened',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [...SUBJECT, b('scope', 'Domestic or cross-border')],
    sources: [source('CaseOpened', (p) => one(p.openedAt, { ...subject(p), scope: p.scope }))],
  }),
  indicator({
    code: 'victims_identified',
    pillar: 'PROTECTION',
    title: 'Victims of trafficking identified',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [...SUBJECT, b('identified_by', 'Identified by')],
    sources: [source('VictimIdentified', (p) => one(p.identifiedAt, { ...subject(p), identified_by: p.identifiedBy }))],
  }),
  indicator({
    code: 'referrals',
    pillar: 'PROTECTION',
    title: 'Referrals to services',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('destination', 'Referred to'), b('source', 'Referred from')],
    sources: [
      source('HotlineCallLogged', (p) => p.referrals.flatMap((destination) => one(p.receivedAt, { destination, source: 'HOTLINE_CALL' }))),
      source('CaseReferred', (p) => one(p.referredAt, { destination: p.destination, source: 'CASE' })),
    ],
  }),
  indicator({
    code: 'cases_closed',
    pillar: 'PROTECTION',
    title: 'Victim cases closed',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('reason', 'Reason')],
    sources: [source('CaseClosed', (p) => one(p.closedAt, { reason: p.reason }))],
  }),
  indicator({
    code: 'legal_consultations',
    pillar: 'PROTECTION',
    title: 'Legal consultations',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('client_type', 'Client type'), b('sex', 'Sex'), b('age_band', 'Age band'), b('topic', 'Topic', true), b('outcome', 'Outcome')],
    sources: [source('LegalConsultationGiven', (p) => one(p.givenAt, { client_type: p.clientType, sex: p.clientSex, age_band: p.clientAgeBand, topic: p.topics, outcome: p.outcome }))],
  }),
  indicator({
    code: 'legal_assistance',
    pillar: 'PROTECTION',
    title: 'Legal assistance given on victims’ cases',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('kind', 'Kind of assistance')],
    sources: [source('LegalAssistanceProvided', (p) => one(p.providedAt, { kind: p.kind })), source('VictimRepatriated', (p) => one(p.repatriatedAt, { kind: 'REPATRIATION' }))],
  }),
  indicator({
    code: 'victims_repatriated',
    pillar: 'PROTECTION',
    title: 'Victims repatriated',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('country', 'Country of return'), b('embassy_involved', 'Embassy involved')],
    sources: [source('VictimRepatriated', (p) => one(p.repatriatedAt, { country: p.country, embassy_involved: p.embassyInvolved ? 'YES' : 'NO' }))],
  }),
  indicator({
    code: 'psychological_consultations',
    pillar: 'PROTECTION',
    title: 'Psychological consultations',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('client_type', 'Client type'), b('sex', 'Sex'), b('age_band', 'Age band'), b('format', 'Format'), b('issue', 'Presenting issue', true)],
    sources: [source('PsychologicalConsultationGiven', (p) => one(p.givenAt, { client_type: p.clientType, sex: p.clientSex, age_band: p.clientAgeBand, format: p.format, issue: p.presentingIssues }))],
  }),
  indicator({
    code: 'rehabilitation_started',
    pillar: 'PROTECTION',
    title: 'Victims starting rehabilitation',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [],
    sources: [source('RehabilitationPlanOpened', (p) => one(p.openedAt))],
  }),
  indicator({
    code: 'rehabilitation_sessions',
    pillar: 'PROTECTION',
    title: 'Rehabilitation sessions held',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('format', 'Format')],
    sources: [source('RehabilitationSessionHeld', (p) => one(p.heldAt, { format: p.format }))],
  }),
  indicator({
    code: 'rehabilitation_ended',
    pillar: 'PROTECTION',
    title: 'Rehabilitations ended',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('outcome', 'Outcome')],
    sources: [source('RehabilitationEnded', (p) => one(p.endedAt, { outcome: p.outcome }))],
  }),
  indicator({
    code: 'victims_sheltered',
    pillar: 'PROTECTION',
    title: 'Victims admitted to a shelter',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [],
    sources: [source('ResidentAdmitted', (p) => one(p.admittedAt))],
  }),
  indicator({
    code: 'shelter_bed_nights',
    pillar: 'PROTECTION',
    title: 'Bed-nights in shelters (counted when the stay ends)',
    unit: 'NIGHTS',
    countsPeople: false,
    breakdowns: [b('exit', 'How the stay ended')],
    sources: [source('ResidentDischarged', (p) => (p.nights > 0 ? one(p.dischargedAt, { exit: p.exit }, p.nights) : []))],
  }),
  indicator({
    code: 'shelter_exits',
    pillar: 'PROTECTION',
    title: 'Stays in shelters ended, by outcome',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('exit', 'How the stay ended'), b('country', 'Country of return')],
    sources: [source('ResidentDischarged', (p) => one(p.dischargedAt, { exit: p.exit, country: p.country }))],
  }),
  indicator({
    code: 'shelter_residents',
    pillar: 'PROTECTION',
    title: 'Victims staying in shelters at the end of the period, by shelter',
    unit: 'PERSONS',
    measure: { kind: 'STOCK' },
    countsPeople: true,
    // A shelter by its id: its name and address stay in social services.
    breakdowns: [b('shelter', 'Shelter')],
    sources: [
      source('ResidentAdmitted', (p) => one(p.admittedAt, { shelter: p.shelterId })),
      source('ResidentDischarged', (p) => (p.shelterId ? one(p.dischargedAt, { shelter: p.shelterId }, -1) : [])),
    ],
  }),
  indicator({
    code: 'average_stay_nights',
    pillar: 'PROTECTION',
    title: 'Average length of the shelter stays that ended, in nights',
    unit: 'NIGHTS',
    measure: { kind: 'AVERAGE', of: 'shelter_bed_nights', per: 'shelter_exits' },
    countsPeople: false,
    breakdowns: [],
    sources: [],
  }),
  indicator({
    code: 'basic_assistance',
    pillar: 'PROTECTION',
    title: 'Basic assistance given to victims',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('kind', 'Kind of assistance'), b('during_stay', 'During a shelter stay')],
    sources: [source('BasicAssistanceGiven', (p) => one(p.givenAt, { kind: p.kind, during_stay: p.duringStay ? 'YES' : 'NO' }))],
  }),
  indicator({
    code: 'aftercare_contacts',
    pillar: 'PROTECTION',
    title: 'Aftercare contacts with former residents',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [],
    sources: [source('AftercareContactMade', (p) => one(p.contactedAt))],
  }),
  indicator({
    code: 'shelter_therapy_sessions',
    pillar: 'PROTECTION',
    title: 'Therapy sessions held at shelters',
    unit: 'EVENTS',
    countsPeople: false,
    // A psychologist's one-to-one sessions are counted once, under rehabilitation sessions; these are the shelter's.
    breakdowns: [b('therapy', 'Kind of therapy'), b('in_plan', 'Part of a rehabilitation plan')],
    sources: [source('ShelterTherapySessionHeld', (p) => one(p.heldAt, { therapy: p.kind, in_plan: p.planId ? 'YES' : 'NO' }))],
  }),

  // Prosecution
  indicator({
    code: 'criminal_proceedings_opened',
    pillar: 'PROSECUTION',
    title: 'Criminal proceedings opened',
    unit: 'CASES',
    countsPeople: false,
    breakdowns: [b('article', 'Criminal Code article', true)],
    sources: [source('CriminalProceedingOpened', (p) => one(p.openedAt, { article: p.articles }))],
  }),
  indicator({
    code: 'proceedings_advanced',
    pillar: 'PROSECUTION',
    title: 'Criminal proceedings reaching a stage',
    unit: 'CASES',
    countsPeople: false,
    breakdowns: [b('stage', 'Stage')],
    sources: [source('CriminalProceedingAdvanced', (p) => one(p.advancedAt, { stage: p.stage }))],
  }),
  indicator({
    code: 'verdicts',
    pillar: 'PROSECUTION',
    title: 'Verdicts delivered',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('verdict', 'Verdict'), b('article', 'Criminal Code article', true)],
    sources: [source('VerdictDelivered', (p) => one(p.deliveredAt, { verdict: p.verdict, article: p.articles }))],
  }),
  indicator({
    code: 'agency_complaints',
    pillar: 'PROSECUTION',
    title: 'Complaints filed against agencies',
    unit: 'CASES',
    countsPeople: false,
    breakdowns: [b('agency_type', 'Type of agency')],
    sources: [source('AgencyComplaintFiled', (p) => one(p.filedAt, { agency_type: p.agencyType }))],
  }),
  indicator({
    code: 'agency_decisions',
    pillar: 'PROSECUTION',
    title: 'Regulator decisions on agencies',
    unit: 'CASES',
    countsPeople: false,
    breakdowns: [b('decision', 'Decision'), b('agency_type', 'Type of agency')],
    sources: [source('AgencyComplaintDecided', (p) => one(p.decidedAt, { decision: p.decision, agency_type: p.agencyType }))],
  }),

  // Partnership
  indicator({
    code: 'joint_raids',
    pillar: 'PARTNERSHIP',
    title: 'Raids with partner agencies',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('place_type', 'Type of place'), b('partner_agency', 'Partner agency')],
    sources: [source('RaidConducted', (p) => one(p.conductedAt, { place_type: p.placeType, partner_agency: p.partnerAgency }))],
  }),
  indicator({
    code: 'persons_screened',
    pillar: 'PARTNERSHIP',
    title: 'Persons screened in joint raids',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [b('partner_agency', 'Partner agency')],
    sources: [source('RaidConducted', (p) => (p.personsScreened > 0 ? one(p.conductedAt, { partner_agency: p.partnerAgency }, p.personsScreened) : []))],
  }),
  indicator({
    code: 'partner_trainings',
    pillar: 'PARTNERSHIP',
    title: 'Trainings held with a partner organisation',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('site_type', 'Type of site')],
    sources: [source('TrainingHeld', (p) => (p.withPartner ? one(p.heldAt, { site_type: p.siteType }) : []))],
  }),
  indicator({
    code: 'coordination_meetings',
    pillar: 'PARTNERSHIP',
    title: 'Meetings of coordination bodies attended',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('body', 'Coordination body'), b('agenda', 'Agenda topic', true)],
    sources: [source('CoordinationMeetingAttended', (p) => one(p.heldAt, { body: p.body, agenda: p.topics }))],
  }),
  indicator({
    code: 'agreements_signed',
    pillar: 'PARTNERSHIP',
    title: 'Agreements and memoranda signed with partners',
    unit: 'EVENTS',
    countsPeople: false,
    breakdowns: [b('party_type', 'Partner'), b('agreement_scope', 'What it covers', true)],
    sources: [source('AgreementSigned', (p) => one(p.signedAt, { party_type: p.partyType, agreement_scope: p.scope }))],
  }),
  indicator({
    code: 'agreements_in_force',
    pillar: 'PARTNERSHIP',
    title: 'Agreements and memoranda in force at the end of the period',
    unit: 'ITEMS',
    measure: { kind: 'STOCK' },
    countsPeople: false,
    breakdowns: [b('party_type', 'Partner'), b('agreement_scope', 'What it covers', true)],
    // In force from the day it is signed to the day it expires, both included (Kazakhstan's days).
    sources: [
      source('AgreementSigned', (p) => [
        ...one(p.signedAt, { party_type: p.partyType, agreement_scope: p.scope }),
        ...(p.expiresOn ? one(`${nextDay(p.expiresOn)}T00:00:00+05:00`, { party_type: p.partyType, agreement_scope: p.scope }, -1) : []),
      ]),
    ],
  }),
] as const satisfies readonly IndicatorDefinition[];

/** "2027-12-31" → "2028-01-01". */
function nextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** How an indicator's figure of a period is made (FLOW unless the catalogue says otherwise). */
export const measureOf = (indicator: Pick<IndicatorDefinition, 'measure'>): IndicatorMeasure => indicator.measure ?? { kind: 'FLOW' };

/** The code of an indicator of the catalogue: `hotline_calls`, `cases_opened`, … */
export type IndicatorCode = (typeof INDICATORS)[number]['code'];
/** A breakdown of some indicator: `caller_sex`, `exploitation_form`, … */
export type BreakdownDimension = (typeof INDICATORS)[number]['breakdowns'][number]['dimension'];

/** An indicator of the catalogue, its code a literal. */
export type CatalogueIndicator = IndicatorDefinition<IndicatorCode>;

export const isIndicatorCode = (code: string): code is IndicatorCode => INDICATORS.some((i) => i.code === code);
export const indicatorByCode = (code: string): IndicatorDefinition | undefined => (INDICATORS as readonly IndicatorDefinition[]).find((i) => i.code === code);

const sourcesByEvent = new Map<string, { indicator: CatalogueIndicator; source: IndicatorSource }[]>();
for (const definition of INDICATORS as readonly CatalogueIndicator[]) {
  for (const s of definition.sources) sourcesByEvent.set(s.event, [...(sourcesByEvent.get(s.event) ?? []), { indicator: definition, source: s }]);
}

/** What one event adds to each indicator: pure, from the catalogue alone. */
export function indicatorFacts<T extends EventType>(type: T, payload: EventPayload<T>): { indicator: CatalogueIndicator; fact: IndicatorFact }[] {
  return (sourcesByEvent.get(type) ?? []).flatMap(({ indicator, source: s }) => (s.facts as (p: EventPayload<T>) => IndicatorFact[])(payload).map((fact) => ({ indicator, fact })));
}
