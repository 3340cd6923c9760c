import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { IMPORT_LAYOUTS } from '@qorgau/contracts/labels/import-layouts';
import { LanguageSwitch } from '../components/language-switch';
import { useSession } from './contexts';

/** The workspaces, and the roles each is offered to: the same roles the services' access rules let in. */
const DESKS: readonly { path: string; label: string; roles: readonly string[] }[] = [
  { path: '/hotline', label: 'nav.hotline', roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'] },
  { path: '/cases', label: 'nav.cases', roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER', 'LAWYER', 'PSYCHOLOGIST'] },
  { path: '/legal', label: 'nav.legal', roles: ['LAWYER'] },
  { path: '/psychology', label: 'nav.psychology', roles: ['PSYCHOLOGIST'] },
  { path: '/shelter', label: 'nav.shelter', roles: ['SOCIAL_WORKER', 'SHELTER_STAFF', 'REGIONAL_MANAGER'] },
  { path: '/outreach', label: 'nav.outreach', roles: ['OUTREACH_COORDINATOR'] },
  { path: '/figures', label: 'nav.national', roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'] },
  { path: '/reports', label: 'nav.reports', roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'] },
  { path: '/audit', label: 'nav.audit', roles: ['ADMINISTRATOR'] },
  // Whoever records a kind of work one by one may bring in its past from spreadsheets.
  { path: '/import', label: 'nav.import', roles: [...new Set(Object.values(IMPORT_LAYOUTS).flatMap((layout) => layout.roles))] },
];

/** Pages inside a workspace that fewer roles may open than the workspace itself: a resident's stay is for social workers and shelter staff. */
const INNER_PAGES: Record<string, readonly string[]> = { '/shelter/stays': ['SOCIAL_WORKER', 'SHELTER_STAFF'] };

export const mayUse = (role: string, path: string): boolean => INNER_PAGES[path]?.includes(role) ?? DESKS.some((desk) => desk.path === path && desk.roles.includes(role));

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
