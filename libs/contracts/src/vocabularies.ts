import { INDICATORS, PILLARS } from './indicators';
import { REGION_CODES } from './regions';
import {
  AgeBandSchema,
  AgencyTypeSchema,
  AgendaTopicSchema,
  AgreementPartySchema,
  AgreementScopeSchema,
  AudienceSchema,
  BasicAssistanceKindSchema,
  CallerCategorySchema,
  CaseClosureReasonSchema,
  ConsultationFormatSchema,
  CoordinationBodySchema,
  ExploitationFormSchema,
  HotlineChannelSchema,
  HotlineTopicSchema,
  IdentifiedBySchema,
  LegalAssistanceKindSchema,
  LegalClientTypeSchema,
  LegalConsultationOutcomeSchema,
  LegalTopicSchema,
  MaterialKindSchema,
  MediaKindSchema,
  PartnerAgencySchema,
  PeriodKindSchema,
  PresentingIssueSchema,
  ProceedingStageSchema,
  PsychologyClientTypeSchema,
  RaidPlaceTypeSchema,
  ReferralDestinationSchema,
  RegulatorDecisionSchema,
  RehabilitationOutcomeSchema,
  SexSchema,
  ShelterExitSchema,
  ShelterTherapyKindSchema,
  TraffickingScopeSchema,
  TrainingSiteTypeSchema,
  VerdictSchema,
} from './vocabulary';

/**
 * Every closed vocabulary of the contracts under one name each: the web application's labels
 * (`enums.json`, a test holds every value translated) and the SDMX code lists are both made from
 * this table, so a new category reaches them both or fails a test.
 */
export const VOCABULARIES = {
  sex: SexSchema.options,
  ageBand: AgeBandSchema.options,
  channel: HotlineChannelSchema.options,
  callerCategory: CallerCategorySchema.options,
  topic: HotlineTopicSchema.options,
  referralDestination: ReferralDestinationSchema.options,
  /** Where a referral was made: on a call, or on a case. */
  referralSource: ['HOTLINE_CALL', 'CASE'],
  exploitationForm: ExploitationFormSchema.options,
  scope: TraffickingScopeSchema.options,
  identifiedBy: IdentifiedBySchema.options,
  closureReason: CaseClosureReasonSchema.options,
  region: REGION_CODES,
  indicator: INDICATORS.map((indicator) => indicator.code),
  pillar: PILLARS,
  legalClientType: LegalClientTypeSchema.options,
  legalTopic: LegalTopicSchema.options,
  legalOutcome: LegalConsultationOutcomeSchema.options,
  // Legal announces a repatriation as its own event; the desk offers it beside the other kinds.
  assistanceKind: [...LegalAssistanceKindSchema.options, 'REPATRIATION'],
  agencyType: AgencyTypeSchema.options,
  regulatorDecision: RegulatorDecisionSchema.options,
  proceedingStage: ProceedingStageSchema.options,
  verdict: VerdictSchema.options,
  psychologyClientType: PsychologyClientTypeSchema.options,
  consultationFormat: ConsultationFormatSchema.options,
  presentingIssue: PresentingIssueSchema.options,
  rehabilitationOutcome: RehabilitationOutcomeSchema.options,
  siteType: TrainingSiteTypeSchema.options,
  audience: AudienceSchema.options,
  materialKind: MaterialKindSchema.options,
  mediaKind: MediaKindSchema.options,
  raidPlaceType: RaidPlaceTypeSchema.options,
  partnerAgency: PartnerAgencySchema.options,
  periodKind: PeriodKindSchema.options,
  basicAssistanceKind: BasicAssistanceKindSchema.options,
  shelterExit: ShelterExitSchema.options,
  shelterTherapyKind: ShelterTherapyKindSchema.options,
  coordinationBody: CoordinationBodySchema.options,
  agendaTopic: AgendaTopicSchema.options,
  agreementParty: AgreementPartySchema.options,
  agreementScope: AgreementScopeSchema.options,
  yesNo: ['YES', 'NO'],
} as const satisfies Record<string, readonly string[]>;
export type VocabularyName = keyof typeof VOCABULARIES;

/**
 * Where each breakdown's values come from: vocabularies (several where indicators share a
 * dimension's name, such as `kind`), ISO country codes, or free text (Criminal Code articles).
 * Every dimension of the catalogue must be here (vocabularies.spec.ts).
 */
export const BREAKDOWN_VALUES: Readonly<Record<string, readonly VocabularyName[] | 'COUNTRY' | 'FREE_TEXT'>> = {
  age_band: ['ageBand'],
  caller_age_band: ['ageBand'],
  caller_sex: ['sex'],
  sex: ['sex'],
  caller_category: ['callerCategory'],
  channel: ['channel'],
  exploitation_form: ['exploitationForm'],
  scope: ['scope'],
  identified_by: ['identifiedBy'],
  destination: ['referralDestination'],
  source: ['referralSource'],
  reason: ['closureReason'],
  audience: ['audience'],
  site_type: ['siteType'],
  partner_agency: ['partnerAgency'],
  place_type: ['raidPlaceType'],
  agency_type: ['agencyType'],
  decision: ['regulatorDecision'],
  stage: ['proceedingStage'],
  verdict: ['verdict'],
  issue: ['presentingIssue'],
  format: ['consultationFormat'],
  topic: ['topic', 'legalTopic'],
  kind: ['assistanceKind', 'materialKind', 'mediaKind', 'basicAssistanceKind'],
  exit: ['shelterExit'],
  therapy: ['shelterTherapyKind'],
  during_stay: ['yesNo'],
  in_plan: ['yesNo'],
  embassy_involved: ['yesNo'],
  body: ['coordinationBody'],
  agenda: ['agendaTopic'],
  party_type: ['agreementParty'],
  agreement_scope: ['agreementScope'],
  client_type: ['legalClientType', 'psychologyClientType'],
  outcome: ['legalOutcome', 'rehabilitationOutcome'],
  citizenship: 'COUNTRY',
  country: 'COUNTRY',
  destination_country: 'COUNTRY',
  article: 'FREE_TEXT',
  // A shelter by its id: names stay in social services.
  shelter: 'FREE_TEXT',
};

/** A dimension's values in one list, in vocabulary order, each once; null where they are not a closed list (or the dimension is unknown). */
export function breakdownVocabulary(dimension: string): readonly string[] | null {
  const source = BREAKDOWN_VALUES[dimension];
  return source === undefined || typeof source === 'string' ? null : [...new Set(source.flatMap((name): readonly string[] => VOCABULARIES[name]))];
}
