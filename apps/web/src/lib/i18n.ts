import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCaseDesk from '../locales/en/case-desk.json';
import enCommon from '../locales/en/common.json';
import enEnums from '../locales/en/enums.json';
import enHotlineDesk from '../locales/en/hotline-desk.json';
import enHqDashboard from '../locales/en/hq-dashboard.json';
import kkCaseDesk from '../locales/kk/case-desk.json';
import kkCommon from '../locales/kk/common.json';
import kkEnums from '../locales/kk/enums.json';
import kkHotlineDesk from '../locales/kk/hotline-desk.json';
import kkHqDashboard from '../locales/kk/hq-dashboard.json';
import ruCaseDesk from '../locales/ru/case-desk.json';
import ruCommon from '../locales/ru/common.json';
import ruEnums from '../locales/ru/enums.json';
import ruHotlineDesk from '../locales/ru/hotline-desk.json';
import ruHqDashboard from '../locales/ru/hq-dashboard.json';
import enLegalDesk from '../locales/en/legal-desk.json';
import enPsychologyDesk from '../locales/en/psychology-desk.json';
import enOutreachDesk from '../locales/en/outreach-desk.json';
import enReports from '../locales/en/reports.json';
import enAudit from '../locales/en/audit.json';
import enShelterDesk from '../locales/en/shelter-desk.json';
import kkLegalDesk from '../locales/kk/legal-desk.json';
import kkPsychologyDesk from '../locales/kk/psychology-desk.json';
import kkOutreachDesk from '../locales/kk/outreach-desk.json';
import kkReports from '../locales/kk/reports.json';
import kkAudit from '../locales/kk/audit.json';
import kkShelterDesk from '../locales/kk/shelter-desk.json';
import ruLegalDesk from '../locales/ru/legal-desk.json';
import ruPsychologyDesk from '../locales/ru/psychology-desk.json';
import ruOutreachDesk from '../locales/ru/outreach-desk.json';
import ruReports from '../locales/ru/reports.json';
import ruAudit from '../locales/ru/audit.json';
import ruShelterDesk from '../locales/ru/shelter-desk.json';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** Enumerations as the contracts define them; the labels' keys are the values (a test keeps them equal). */
export type EnumName = keyof typeof enEnums;
export const enumValues = <E extends EnumName>(name: E): (keyof (typeof enEnums)[E] & string)[] => Object.keys(enEnums[name]) as (keyof (typeof enEnums)[E] & string)[];

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

export function setUpI18n(): typeof i18next {
  const language = initialLanguage();
  document.documentElement.lang = language;
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    ns: ['common', 'hotline-desk', 'case-desk', 'hq-dashboard', 'legal-desk', 'psychology-desk', 'outreach-desk', 'reports', 'audit', 'shelter-desk', 'enums'],
    defaultNS: 'common',
    resources: {
      kk: {
        common: kkCommon,
        'hotline-desk': kkHotlineDesk,
        'case-desk': kkCaseDesk,
        'hq-dashboard': kkHqDashboard,
        'legal-desk': kkLegalDesk,
        'psychology-desk': kkPsychologyDesk,
        'outreach-desk': kkOutreachDesk,
        reports: kkReports,
        audit: kkAudit,
        'shelter-desk': kkShelterDesk,
        enums: kkEnums,
      },
      ru: {
        common: ruCommon,
        'hotline-desk': ruHotlineDesk,
        'case-desk': ruCaseDesk,
        'hq-dashboard': ruHqDashboard,
        'legal-desk': ruLegalDesk,
        'psychology-desk': ruPsychologyDesk,
        'outreach-desk': ruOutreachDesk,
        reports: ruReports,
        audit: ruAudit,
        'shelter-desk': ruShelterDesk,
        enums: ruEnums,
      },
      en: {
        common: enCommon,
        'hotline-desk': enHotlineDesk,
        'case-desk': enCaseDesk,
        'hq-dashboard': enHqDashboard,
        'legal-desk': enLegalDesk,
        'psychology-desk': enPsychologyDesk,
        'outreach-desk': enOutreachDesk,
        reports: enReports,
        audit: enAudit,
        'shelter-desk': enShelterDesk,
        enums: enEnums,
      },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
