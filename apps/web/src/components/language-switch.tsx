import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, rememberLanguage, type Language } from '../lib/i18n';

/** The language switch: remembered on this computer, applied at once. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('language')}</span>
      <select value={i18n.language} onChange={(event) => rememberLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
