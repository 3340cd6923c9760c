import en from './labels/en/enums.json';
import kk from './labels/kk/enums.json';
import ru from './labels/ru/enums.json';

/**
 * The vocabularies' labels in the staff's three languages: the web application shows them, and
 * exports write them beside the codes (a test keeps every value of every vocabulary labelled).
 */
export const LABEL_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];
export type VocabularyLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;
export const LABELS: Readonly<Record<LabelLanguage, VocabularyLabels>> = { kk, ru, en };
