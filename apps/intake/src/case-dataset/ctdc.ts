import type { AgeBand, ExploitationForm, IdentifiedBy, Sex, TraffickingScope } from '@qorgau/contracts';
import type { Generalisation, QuasiIdentifiers } from './k-anonymity';

/**
 * A victim case as the Counter-Trafficking Data Collaborative takes contributions: the field names
 * and codes of IOM's Human Trafficking Case Data Standard 2.0 (HTCDS: prs_*, vic_*) where it has the
 * attribute, and of CTDC's global dataset otherwise (ageBroad, majorityStatus, isAbroad,
 * yearOfRegistration). One attribute has neither and keeps our name: locationOfRegistration, the
 * ISO 3166-2 region of the office that holds the case. The mapping is documented in docs/ctdc.md.
 */
export interface CtdcRecord extends QuasiIdentifiers {
  readonly prs_Gender: string;
  readonly ageBroad: string;
  readonly majorityStatus: string;
  readonly prs_Citizenship: string;
  readonly vic_TypeOfExploitation: string;
  readonly isAbroad: string;
  readonly vic_TraffickingStatusDecisionMakingOrg: string;
  readonly yearOfRegistration: string;
  readonly locationOfRegistration: string;
}

export const CTDC_FIELDS: readonly (keyof CtdcRecord & string)[] = [
  'prs_Gender',
  'ageBroad',
  'majorityStatus',
  'prs_Citizenship',
  'vic_TypeOfExploitation',
  'isAbroad',
  'vic_TraffickingStatusDecisionMakingOrg',
  'yearOfRegistration',
  'locationOfRegistration',
];

const GENDER: Record<Sex, string> = { FEMALE: 'Feminine', MALE: 'Masculine', UNKNOWN: 'NonSpecifiedUnknown' };
const AGE: Record<AgeBand, [broad: string, majority: string]> = {
  UNDER_13: ['0--12', 'Minor'],
  AGE_13_17: ['13--17', 'Minor'],
  AGE_18_24: ['18--24', 'Adult'],
  AGE_25_34: ['25--34', 'Adult'],
  AGE_35_44: ['35--44', 'Adult'],
  AGE_45_59: ['45--59', 'Adult'],
  AGE_60_PLUS: ['60+', 'Adult'],
  UNKNOWN: ['Unknown', 'Unknown'],
};
// HTCDS has no forced criminality: Other, as its guidance says for a form it does not list.
const EXPLOITATION: Record<ExploitationForm, string> = {
  SEXUAL: 'SexualExploitation',
  LABOUR: 'ForcedLabour',
  FORCED_BEGGING: 'ForcedBegging',
  FORCED_CRIMINALITY: 'Other',
  FORCED_MARRIAGE: 'ForcedMarriage',
  OTHER: 'Other',
};
const IDENTIFIED_BY: Record<IdentifiedBy, string> = {
  NGO: 'NGO',
  POLICE: 'Police',
  JOINT_RAID: 'Police',
  PROSECUTOR: 'CourtOrProsecution',
  MIGRATION_SERVICE: 'NonPoliceGovernmentalOrganization',
  EMBASSY: 'NonPoliceGovernmentalOrganization',
  INTERNATIONAL_ORGANISATION: 'Other',
  SELF_REFERRAL: 'Other',
  OTHER: 'Other',
};

/** UN M49 sub-regions (Latin America and sub-Saharan Africa as one each), for citizenship generalised to a region of origin. */
const REGIONS_OF_ORIGIN: Record<string, string> = {
  'Central Asia': 'KZ KG TJ TM UZ',
  'Eastern Europe': 'BY BG CZ HU MD PL RO RU SK UA',
  'Western Asia': 'AM AZ BH CY GE IQ IL JO KW LB OM PS QA SA SY TR AE YE',
  'Southern Asia': 'AF BD BT IN IR LK MV NP PK',
  'Eastern Asia': 'CN HK JP KP KR MN MO TW',
  'South-eastern Asia': 'BN ID KH LA MM MY PH SG TH TL VN',
  'Northern Europe': 'AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ',
  'Southern Europe': 'AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA',
  'Western Europe': 'AT BE CH DE FR LI LU MC NL',
  'Northern Africa': 'DZ EG EH LY MA SD TN',
  'Sub-Saharan Africa': 'AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA NE NG RE RW SC SH SL SN SO SS ST SZ TD TF TG TZ UG YT ZA ZM ZW',
  'Latin America and the Caribbean': 'AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI',
  'Northern America': 'BM CA GL PM US',
  Oceania: 'AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
};
const ORIGIN = new Map(Object.entries(REGIONS_OF_ORIGIN).flatMap(([region, codes]) => codes.split(' ').map((code) => [code, region] as const)));
/** The region of origin of a citizenship (ISO 3166-1 alpha-2; XX unknown). */
export const regionOfOrigin = (citizenship: string): string => (citizenship === 'XX' ? 'Unknown' : (ORIGIN.get(citizenship) ?? 'Other'));

/** What intake holds of a victim case that the dataset may use: categories and a year, nothing personal. */
export interface VictimCaseAttributes {
  readonly region: string;
  readonly subjectSex: Sex;
  readonly subjectAgeBand: AgeBand;
  readonly citizenship: string;
  readonly exploitationForm: ExploitationForm;
  readonly scope: TraffickingScope;
  readonly identifiedBy: IdentifiedBy;
  /** Year of identification, in Kazakhstan. */
  readonly identifiedYear: number;
}

export function toCtdc(victim: VictimCaseAttributes): CtdcRecord {
  const [broad, majority] = AGE[victim.subjectAgeBand];
  return {
    prs_Gender: GENDER[victim.subjectSex],
    ageBroad: broad,
    majorityStatus: majority,
    prs_Citizenship: victim.citizenship,
    vic_TypeOfExploitation: EXPLOITATION[victim.exploitationForm],
    isAbroad: victim.scope === 'CROSS_BORDER' ? '1' : '0',
    vic_TraffickingStatusDecisionMakingOrg: IDENTIFIED_BY[victim.identifiedBy],
    yearOfRegistration: String(victim.identifiedYear),
    locationOfRegistration: victim.region,
  };
}

/** The generalisations, mildest first; the year is already a year (never a month or a day). */
export const CTDC_GENERALISATIONS: readonly Generalisation[] = [
  { description: 'age bands widened to minor or adult (ageBroad withheld)', apply: (r) => ({ ...r, ageBroad: '' }) },
  { description: 'citizenship generalised to the region of origin (UN M49)', apply: (r) => ({ ...r, prs_Citizenship: regionOfOrigin(r['prs_Citizenship'] ?? 'XX') }) },
  { description: 'region of registration generalised to the country (KZ)', apply: (r) => ({ ...r, locationOfRegistration: 'KZ' }) },
  {
    description: 'who identified the victim generalised to NGO or other',
    apply: (r) => ({ ...r, vic_TraffickingStatusDecisionMakingOrg: r['vic_TraffickingStatusDecisionMakingOrg'] === 'NGO' ? 'NGO' : 'Other' }),
  },
];
