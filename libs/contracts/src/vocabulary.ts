import { z } from 'zod';

// The categories the NGO already reports on. Adding a value is a compatible change for consumers
// that count by value; removing or renaming one needs a new schema version.

export const SexSchema = z.enum(['FEMALE', 'MALE', 'UNKNOWN']);
export type Sex = z.infer<typeof SexSchema>;

export const AgeBandSchema = z.enum(['UNDER_13', 'AGE_13_17', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_59', 'AGE_60_PLUS', 'UNKNOWN']);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** How the call reached the hotline. VOICE_CALL and EMAIL_MESSAGE: no contract value should read as a phone number or an e-mail address. */
export const HotlineChannelSchema = z.enum(['VOICE_CALL', 'WHATSAPP', 'TELEGRAM', 'SOCIAL_MEDIA', 'EMAIL_MESSAGE', 'WALK_IN', 'OTHER']);
export type HotlineChannel = z.infer<typeof HotlineChannelSchema>;

export const CallerCategorySchema = z.enum(['PREPARING_TO_TRAVEL_ABROAD', 'RELATIVE_CONCERNED_ABOUT_SOMEONE', 'ACQUAINTANCE', 'NGO_REPRESENTATIVE', 'ON_BEHALF_OF_SOMEONE', 'VICTIM', 'OTHER']);
export type CallerCategory = z.infer<typeof CallerCategorySchema>;

export const HotlineTopicSchema = z.enum([
  'EMPLOYMENT_ABROAD',
  'STUDY_ABROAD',
  'MARRIAGE_ABROAD',
  'AGENCY_VERIFICATION',
  'DOCUMENTS_AND_VISAS',
  'MISSING_PERSON',
  'LABOUR_EXPLOITATION',
  'SEXUAL_EXPLOITATION',
  'DOMESTIC_VIOLENCE',
  'LEGAL_QUESTION',
  'PSYCHOLOGICAL_SUPPORT',
  'RETURN_HOME',
  'OTHER',
]);
export type HotlineTopic = z.infer<typeof HotlineTopicSchema>;

export const ReferralDestinationSchema = z.enum(['LEGAL', 'PSYCHOLOGY', 'SHELTER', 'POLICE', 'EMBASSY', 'OTHER_ORGANISATION']);
export type ReferralDestination = z.infer<typeof ReferralDestinationSchema>;

export const ExploitationFormSchema = z.enum(['SEXUAL', 'LABOUR', 'FORCED_BEGGING', 'FORCED_CRIMINALITY', 'FORCED_MARRIAGE', 'OTHER']);
export type ExploitationForm = z.infer<typeof ExploitationFormSchema>;

export const TraffickingScopeSchema = z.enum(['DOMESTIC', 'CROSS_BORDER']);
export type TraffickingScope = z.infer<typeof TraffickingScopeSchema>;

export const IdentifiedBySchema = z.enum(['NGO', 'POLICE', 'MIGRATION_SERVICE', 'PROSECUTOR', 'EMBASSY', 'INTERNATIONAL_ORGANISATION', 'SELF_REFERRAL', 'JOINT_RAID', 'OTHER']);
export type IdentifiedBy = z.infer<typeof IdentifiedBySchema>;

export const CaseClosureReasonSchema = z.enum(['ASSISTANCE_COMPLETED', 'RETURNED_HOME', 'REINTEGRATED', 'TRANSFERRED', 'DECLINED_ASSISTANCE', 'LOST_CONTACT', 'OTHER']);
export type CaseClosureReason = z.infer<typeof CaseClosureReasonSchema>;

// Legal

export const LegalClientTypeSchema = z.enum(['PERSON_AT_RISK', 'VICTIM', 'RELATIVE', 'OTHER']);
export const LegalTopicSchema = z.enum(['LABOUR_CONTRACT_REVIEW', 'AGENCY_CHECK', 'FRAUDULENT_AGENCY', 'DOCUMENTS', 'VISA_AND_REGISTRATION', 'COURT', 'COMPENSATION', 'OTHER']);
export const LegalConsultationOutcomeSchema = z.enum(['ADVICE_GIVEN', 'DOCUMENTS_DRAFTED', 'REFERRED_ELSEWHERE', 'CASE_OPENED', 'OTHER']);
/** Assistance on a victim's case besides repatriation, which is its own event (VictimRepatriated). */
export const LegalAssistanceKindSchema = z.enum(['DOCUMENTS_RESTORED', 'RETURN_HOME', 'LEGAL_REPRESENTATION']);
export const AgencyTypeSchema = z.enum(['TRAVEL_AGENCY', 'EMPLOYMENT_AGENCY', 'MARRIAGE_AGENCY', 'EDUCATION_AGENCY', 'OTHER']);
export const RegulatorDecisionSchema = z.enum(['LICENCE_REVOKED', 'LICENCE_SUSPENDED', 'FINED', 'WARNING_ISSUED', 'REFERRED_TO_POLICE', 'NO_VIOLATION_FOUND']);
/** Stages of criminal proceedings, in the order they happen; a verdict ends them. */
export const ProceedingStageSchema = z.enum(['COMPLAINT', 'INVESTIGATION', 'PROSECUTION', 'TRIAL']);
export const VerdictSchema = z.enum(['CONVICTION', 'ACQUITTAL']);
/** An article of the Criminal Code of the Republic of Kazakhstan, optionally with its part: "128", "128.3", "135.2". */
export const CriminalCodeArticleSchema = z.string().regex(/^[1-9][0-9]{0,2}(\.[1-9])?$/, 'must be an article of the Criminal Code, optionally with its part: 128, 128.3');

// Social services and the shelter

/** Basic assistance given to a victim, in a shelter or outside it. */
export const BasicAssistanceKindSchema = z.enum(['FOOD', 'CLOTHING', 'HYGIENE', 'MEDICAL_CARE', 'TRANSPORT', 'DOCUMENTS', 'CASH_ASSISTANCE']);
/** How a stay in the shelter ended. */
export const ShelterExitSchema = z.enum(['REPATRIATED', 'REUNITED_WITH_FAMILY', 'RESETTLED', 'LEFT_ON_OWN_DECISION']);
/** Therapy delivered at the shelter: one-to-one, in a group, or art therapy. */
export const ShelterTherapyKindSchema = z.enum(['INDIVIDUAL', 'GROUP', 'ART']);

// Psychology

export const PsychologyClientTypeSchema = z.enum(['PERSON_AT_RISK', 'VICTIM', 'FAMILY_OR_CLOSE_PERSON']);
export const ConsultationFormatSchema = z.enum(['IN_PERSON', 'TELEPHONE', 'ONLINE', 'GROUP']);
export const PresentingIssueSchema = z.enum(['ANXIETY', 'DEPRESSION', 'TRAUMA', 'FAMILY_CONFLICT', 'DECISION_ABOUT_TRAVEL', 'VIOLENCE', 'ADDICTION', 'OTHER']);
export const RehabilitationOutcomeSchema = z.enum(['COMPLETED', 'DISCONTINUED']);

// Outreach

export const TrainingSiteTypeSchema = z.enum(['SCHOOL', 'VOCATIONAL_SCHOOL', 'UNIVERSITY', 'ORPHANAGE_OR_BOARDING_SCHOOL', 'SUMMER_CAMP', 'LIBRARY', 'NGO', 'LAW_ENFORCEMENT_BODY', 'OTHER']);
export const AudienceSchema = z.enum(['PUPILS', 'STUDENTS', 'TEACHERS', 'PARENTS', 'SOCIAL_WORKERS', 'LAW_ENFORCEMENT_OFFICERS', 'GENERAL_PUBLIC', 'OTHER']);
export const MaterialKindSchema = z.enum(['BOOKLET', 'BROCHURE', 'POSTER', 'OTHER']);
export const MediaKindSchema = z.enum(['NEWSPAPER_ARTICLE', 'TV', 'RADIO', 'ONLINE', 'PAID_ADVERTISEMENT', 'PRESS_CONFERENCE']);
export const RaidPlaceTypeSchema = z.enum(['MARKET', 'CONSTRUCTION_SITE', 'AGRICULTURAL_SITE', 'ENTERTAINMENT_VENUE', 'SAUNA_OR_HOTEL', 'PRIVATE_HOUSEHOLD', 'FACTORY', 'OTHER']);
/** Coordination bodies the NGO sits on: the government's Interdepartmental Commission on trafficking, its regional commissions, working groups. */
export const CoordinationBodySchema = z.enum(['INTERDEPARTMENTAL_COMMISSION', 'REGIONAL_COMMISSION', 'WORKING_GROUP', 'OTHER']);
/** What a coordination meeting was about, by category (never minutes). */
export const AgendaTopicSchema = z.enum(['PREVENTION', 'VICTIM_PROTECTION', 'PROSECUTION', 'LEGISLATION', 'FUNDING', 'DATA_AND_REPORTING', 'OTHER']);
/** Who the NGO signs an agreement or memorandum with. */
export const AgreementPartySchema = z.enum(['GOVERNMENT_AGENCY', 'LAW_ENFORCEMENT', 'LOCAL_AUTHORITY', 'INTERNATIONAL_ORGANISATION', 'NGO', 'PRIVATE_SECTOR', 'OTHER']);
/** What an agreement covers. */
export const AgreementScopeSchema = z.enum(['REFERRAL', 'SHELTER', 'PREVENTION', 'TRAINING', 'DATA_SHARING', 'FUNDING', 'OTHER']);
export const PartnerAgencySchema = z.enum(['MIGRATION_POLICE', 'POLICE', 'PROSECUTOR', 'LABOUR_INSPECTION', 'INTERNATIONAL_ORGANISATION', 'OTHER']);

// Statistics

/** A calendar month, quarter or year, or any range of days (a donor's grant period). */
export const PeriodKindSchema = z.enum(['MONTH', 'QUARTER', 'YEAR', 'RANGE']);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;
