import type { BackendModule } from 'i18next';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Every file of translations is its own chunk, fetched when a page of its workspace first asks for it and only in the
// language being read: the hotline desk does not download the legal desk's words, nor its own in two other languages.
const bundles = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });
// The vocabularies' labels live beside the vocabularies (libs/contracts), where the exports read them too.
const labels = import.meta.glob<Record<string, unknown>>('../../../../libs/contracts/src/labels/*/enums.json', { import: 'default' });

/** The words of one namespace in one language; the browser fetches each file once however often it is asked. */
export function loadWords(language: string, namespace: string): Promise<Record<string, unknown>> {
  const load = namespace === 'enums' ? labels[`../../../../libs/contracts/src/labels/${language}/enums.json`] : bundles[`../locales/${language}/${namespace}.json`];
  return load ? load() : Promise.reject(new Error(`no translations for ${language}/${namespace}`));
}

/** i18next's backend: the files above. (This module holds no i18next, so the page's entry can fetch the words first.) */
export const lazyTranslations: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    loadWords(language, namespace).then(
      (resources) => callback(null, resources),
      (error: Error) => callback(error, false),
    );
  },
};

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

/** Keeps the reader's choice for the next opening. */
export function storeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** The namespaces every page reads: the frame's words and the vocabularies' labels. */
export const FRAME_WORDS = ['common', 'enums'] as const;
