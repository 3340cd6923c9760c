import type { Breakdown, Pillar } from '@qorgau/contracts';

/**
 * Government-style statistics entered from partner bodies, reported beside the NGO's own
 * indicators. They are not computed from events, so they live here rather than in the catalogue.
 */
export interface OfficialMeasure {
  readonly code: string;
  readonly measure: string;
  readonly pillar: Pillar;
  readonly title: string;
  readonly unit: 'CASES' | 'PERSONS';
  readonly countsPeople: boolean;
  readonly breakdowns: readonly Breakdown[];
}

const byForm: Breakdown = { dimension: 'exploitation_form', label: 'Form of exploitation' };
const byCitizenship: Breakdown = { dimension: 'citizenship', label: 'Citizenship' };
/** Partners often say only how many were foreigners: citizenship grouped as foreign or domestic. */
const byCitizenshipGroup: Breakdown = { dimension: 'citizenship_group', label: 'Foreign or domestic' };
export const CITIZENSHIP_GROUPS = ['DOMESTIC', 'FOREIGN'] as const;
/** The part of a total that a partner's breakdown does not say. */
export const NOT_SPECIFIED = 'NOT_SPECIFIED';

export const OFFICIAL_MEASURES: readonly OfficialMeasure[] = [
  {
    code: 'official_investigations',
    measure: 'INVESTIGATIONS',
    pillar: 'PROSECUTION',
    title: 'Trafficking investigations opened (official)',
    unit: 'CASES',
    countsPeople: false,
    breakdowns: [byForm],
  },
  { code: 'official_prosecutions', measure: 'PROSECUTIONS', pillar: 'PROSECUTION', title: 'Trafficking cases sent to court (official)', unit: 'CASES', countsPeople: false, breakdowns: [byForm] },
  { code: 'official_convictions', measure: 'CONVICTIONS', pillar: 'PROSECUTION', title: 'Persons convicted of trafficking (official)', unit: 'PERSONS', countsPeople: true, breakdowns: [byForm] },
  {
    code: 'official_victims_identified',
    measure: 'VICTIMS_IDENTIFIED',
    pillar: 'PROTECTION',
    title: 'Victims identified by the authorities (official)',
    unit: 'PERSONS',
    countsPeople: true,
    breakdowns: [byForm, byCitizenship, byCitizenshipGroup],
  },
];

export const MEASURES = OFFICIAL_MEASURES.map((m) => m.measure) as [string, ...string[]];
export const officialMeasure = (measure: string): OfficialMeasure | undefined => OFFICIAL_MEASURES.find((m) => m.measure === measure);

export const OFFICIAL_SOURCES = ['GENERAL_PROSECUTOR_OFFICE', 'MINISTRY_OF_INTERNAL_AFFAIRS', 'SUPREME_COURT', 'INTERAGENCY_COMMISSION', 'IOM', 'OTHER'] as const;
