import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type englishEnums from '@qorgau/contracts/labels/en/enums.json';
import { FRAME_WORDS, initialLanguage, LANGUAGES, lazyTranslations, storeLanguage, type Language } from './words';

export { LANGUAGES, type Language } from './words';
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** Enumerations as the contracts define them; the labels' keys are the values (a test keeps them equal, in the same order in every language). */
export type EnumName = keyof typeof englishEnums;
export function enumValues<E extends EnumName>(name: E): (keyof (typeof englishEnums)[E] & string)[] {
  const labels = (i18next.getResourceBundle(i18next.resolvedLanguage ?? i18next.language, 'enums') ?? {}) as Record<string, Record<string, string>>;
  return Object.keys(labels[name] ?? {}) as (keyof (typeof englishEnums)[E] & string)[];
}

export function rememberLanguage(language: Language): void {
  storeLanguage(language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** Ready when the words of the frame (`common`) and of the vocabularies (`enums`) are there in the reader's language. */
export async function setUpI18n(pageWords: readonly string[] = []): Promise<typeof i18next> {
  const language = initialLanguage();
  document.documentElement.lang = language;
  await i18next
    .use(lazyTranslations)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      fallbackLng: false,
      ns: [...FRAME_WORDS, ...pageWords],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18next;
}
