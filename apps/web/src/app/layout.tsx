import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { useSession } from './contexts';

const DESKS: readonly { path: string; label: string; roles: readonly string[] }[] = [
  { path: '/hotline', label: 'nav.hotline', roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'] },
  { path: '/cases', label: 'nav.cases', roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER', 'LAWYER', 'PSYCHOLOGIST'] },
  { path: '/figures', label: 'nav.national', roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { principal, signOut } = useSession();
  const region = principal.region ? ` · ${t(`enums:region.${principal.region}`)}` : '';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top-bar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {DESKS.filter((desk) => desk.roles.includes(principal.role)).map((desk) => (
              <li key={desk.path}>
                <NavLink to={desk.path}>{t(desk.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="session">
          <span>
            {t('signedInAs', { user: principal.username, role: t(`enums:role.${principal.role}`) })}
            {region}
          </span>
          <LanguageSwitch />
          <button type="button" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
