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

export const CallerCategorySchema = z.enum([
  'PREPARING_TO_TRAVEL_ABROAD',
  'RELATIVE_CONCERNED_ABOUT_SOMEONE',
  'ACQUAINTANCE',
  'NGO_REPRESENTATIVE',
  'ON_BEHALF_OF_SOMEONE',
  'VICTIM',
  'OTHER',
]);
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

export const ExploitationFormSchema = z.enum([
  'SEXUAL',
  'LABOUR',
  'FORCED_BEGGING',
  'FORCED_CRIMINALITY',
  'FORCED_MARRIAGE',
  'OTHER',
]);
export type ExploitationForm = z.infer<typeof ExploitationFormSchema>;

export const TraffickingScopeSchema = z.enum(['DOMESTIC', 'CROSS_BORDER']);
export type TraffickingScope = z.infer<typeof TraffickingScopeSchema>;

export const IdentifiedBySchema = z.enum(['NGO', 'POLICE', 'MIGRATION_SERVICE', 'PROSECUTOR', 'EMBASSY', 'INTERNATIONAL_ORGANISATION', 'SELF_REFERRAL', 'OTHER']);
export type IdentifiedBy = z.infer<typeof IdentifiedBySchema>;

export const CaseClosureReasonSchema = z.enum([
  'ASSISTANCE_COMPLETED',
  'RETURNED_HOME',
  'REINTEGRATED',
  'TRANSFERRED',
  'DECLINED_ASSISTANCE',
  'LOST_CONTACT',
  'OTHER',
]);
export type CaseClosureReason = z.infer<typeof CaseClosureReasonSchema>;
