import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type englishEnums from '@qorgau/contracts/labels/en/enums.json';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

// Every file of translations is its own chunk, fetched when a page of its workspace first asks for it and only in the
// language being read: the hotline desk does not download the legal desk's words, nor its own in two other languages.
const bundles = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });
// The vocabularies' labels live beside the vocabularies (libs/contracts), where the exports read them too.
const labels = import.meta.glob<Record<string, unknown>>('../../../../libs/contracts/src/labels/*/enums.json', { import: 'default' });

const lazyTranslations: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = namespace === 'enums' ? labels[`../../../../libs/contracts/src/labels/${language}/enums.json`] : bundles[`../locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no translations for ${language}/${namespace}`), false);
    load().then(
      (resources) => callback(null, resources),
      (error: Error) => callback(error, false),
    );
  },
};

/** Enumerations as the contracts define them; the labels' keys are the values (a test keeps them equal, in the same order in every language). */
export type EnumName = keyof typeof englishEnums;
export function enumValues<E extends EnumName>(name: E): (keyof (typeof englishEnums)[E] & string)[] {
  const labels = (i18next.getResourceBundle(i18next.resolvedLanguage ?? i18next.language, 'enums') ?? {}) as Record<string, Record<string, string>>;
  return Object.keys(labels[name] ?? {}) as (keyof (typeof englishEnums)[E] & string)[];
}

const STORAGE_KEY = 'qorgau.language';

/** The remembered choice, else the browser's first language we speak, else Kazakh. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'kk';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
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
      ns: ['common', 'enums', ...pageWords],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18next;
}
