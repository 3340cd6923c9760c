import { INDICATORS, PILLARS } from './indicators';
import { BREAKDOWN_VALUES } from './labels/breakdown-values';
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

export { BREAKDOWN_VALUES } from './labels/breakdown-values';

/** A dimension's values in one list, in vocabulary order, each once; null where they are not a closed list (or the dimension is unknown). */
export function breakdownVocabulary(dimension: string): readonly string[] | null {
  const source = BREAKDOWN_VALUES[dimension];
  // Every name is a vocabulary's (vocabularies.spec.ts).
  return source === undefined || typeof source === 'string' ? null : [...new Set(source.flatMap((name): readonly string[] => VOCABULARIES[name as VocabularyName]))];
}
