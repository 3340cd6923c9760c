import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AgeBandSchema,
  AgencyTypeSchema,
  AgendaTopicSchema,
  AgreementPartySchema,
  AgreementScopeSchema,
  BasicAssistanceKindSchema,
  AudienceSchema,
  ConsultationFormatSchema,
  CoordinationBodySchema,
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
  RegulatorDecisionSchema,
  RehabilitationOutcomeSchema,
  ShelterExitSchema,
  ShelterTherapyKindSchema,
  TrainingSiteTypeSchema,
  VerdictSchema,
  CallerCategorySchema,
  CaseClosureReasonSchema,
  ExploitationFormSchema,
  HotlineChannelSchema,
  HotlineTopicSchema,
  IdentifiedBySchema,
  INDICATORS,
  PILLARS,
  ReferralDestinationSchema,
  REGION_CODES,
  SexSchema,
  TraffickingScopeSchema,
} from '@qorgau/contracts';

const LANGUAGES = ['kk', 'ru', 'en'];
const load = (language: string, namespace: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(__dirname, language, `${namespace}.json`), 'utf8')) as Record<string, unknown>;

/** Every key path of a translation file: `form.personal.legend`, … */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  const namespaces = readdirSync(path.join(__dirname, 'en')).map((file) => file.replace(/\.json$/, ''));

  it.each(namespaces)('%s has every key in Kazakh, Russian and English, none empty', (namespace) => {
    const english = keys(load('en', namespace)).sort();
    for (const language of LANGUAGES) {
      const file = load(language, namespace);
      expect({ language, keys: keys(file).sort() }).toEqual({ language, keys: english });
      for (const key of english) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
        expect({ language, key, empty: typeof text !== 'string' || text.trim() === '' }).toEqual({ language, key, empty: false });
      }
    }
  });

  it('orders every vocabulary alike in every language, so a form offers its choices in one order whatever the language', () => {
    const english = keys(load('en', 'enums'));
    for (const language of LANGUAGES) expect({ language, keys: keys(load(language, 'enums')) }).toEqual({ language, keys: english });
  });

  it("labels every value of the contracts' vocabularies, so a new category cannot go untranslated", () => {
    const vocabularies: Record<string, readonly string[]> = {
      sex: SexSchema.options,
      ageBand: AgeBandSchema.options,
      channel: HotlineChannelSchema.options,
      callerCategory: CallerCategorySchema.options,
      topic: HotlineTopicSchema.options,
      referralDestination: ReferralDestinationSchema.options,
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
    };
    for (const language of LANGUAGES) {
      const enums = load(language, 'enums') as Record<string, Record<string, string>>;
      for (const [name, values] of Object.entries(vocabularies)) {
        expect({ language, name, values: Object.keys(enums[name] ?? {}).sort() }).toEqual({ language, name, values: [...values].sort() });
      }
    }
  });

  it('names every breakdown of the indicator catalogue on the dashboard', () => {
    const dimensions = [...new Set(INDICATORS.flatMap((indicator) => indicator.breakdowns.map((breakdown) => breakdown.dimension)))].sort();
    for (const language of LANGUAGES) {
      const named = Object.keys((load(language, 'hq-dashboard') as { dimensions: Record<string, string> }).dimensions);
      expect({ language, missing: dimensions.filter((d) => !named.includes(d)) }).toEqual({ language, missing: [] });
    }
  });

  it('writes Kazakh in Cyrillic', () => {
    const text = JSON.stringify(load('kk', 'hotline-desk'));
    expect(text).toMatch(/[әғқңөұүһі]/);
  });
});
