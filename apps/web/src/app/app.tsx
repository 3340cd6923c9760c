import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, lazy, Suspense, useMemo, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { apiClients } from '../lib/api';
import type { Auth } from '../lib/auth';
import { ApiContext, SessionContext } from './contexts';
import { Layout, mayUse } from './layout';
import { SignInPage } from './sign-in-page';

// Each desk is its own chunk: the hotline desk loads nothing of the case desk.
const HotlineDesk = page(() => import('../features/hotline-desk/hotline-desk-page'));
const CaseList = page(() => import('../features/case-desk/case-list-page'));
const Case = page(() => import('../features/case-desk/case-page'));
const Figures = page(() => import('../features/hq-dashboard/figures-page'));
const LegalDesk = page(() => import('../features/legal-desk/legal-desk-page'));
const CaseAssistance = page(() => import('../features/legal-desk/case-assistance-page'));
const Proceeding = page(() => import('../features/legal-desk/proceeding-page'));
const PsychologyDesk = page(() => import('../features/psychology-desk/psychology-desk-page'));
const RehabilitationPlan = page(() => import('../features/psychology-desk/rehabilitation-plan-page'));
const OutreachDesk = page(() => import('../features/outreach-desk/outreach-desk-page'));
const Reports = page(() => import('../features/reports/reports-page'));
const Report = page(() => import('../features/reports/report-page'));
const Audit = page(() => import('../features/audit/audit-page'));
const ShelterDesk = page(() => import('../features/shelter-desk/shelter-desk-page'));
const Stay = page(() => import('../features/shelter-desk/stay-page'));
const Import = page(() => import('../features/import/import-page'));

/**
 * A code-split page. Once its chunk is there it renders at once: React.lazy suspends on first render
 * even for a chunk already loaded, and React holds a revealed boundary back for up to 300 ms — a third
 * of the hotline desk's opening budget spent showing "Loading…" for code the browser already has.
 */
function page(load: () => Promise<{ default: ComponentType }>): { readonly Page: ComponentType; readonly load: () => Promise<unknown> } {
  let loaded: ComponentType | undefined;
  const keep = () => load().then((module) => ((loaded = module.default), module));
  const Lazy = lazy(keep);
  return { Page: () => (loaded ? createElement(loaded) : <Lazy />), load: keep };
}

// Which chunk and which words each page needs, so both start loading as soon as its address is known.
const PAGES: readonly { path: RegExp; load: () => Promise<unknown>; words: readonly string[] }[] = [
  { path: /^\/hotline/, load: HotlineDesk.load, words: ['hotline-desk'] },
  { path: /^\/cases\/./, load: Case.load, words: ['case-desk'] },
  { path: /^\/cases/, load: CaseList.load, words: ['case-desk'] },
  { path: /^\/figures/, load: Figures.load, words: ['hq-dashboard'] },
  { path: /^\/legal\/cases\//, load: CaseAssistance.load, words: ['legal-desk'] },
  { path: /^\/legal\/proceedings\//, load: Proceeding.load, words: ['legal-desk'] },
  { path: /^\/legal/, load: LegalDesk.load, words: ['legal-desk'] },
  { path: /^\/psychology\/plans\//, load: RehabilitationPlan.load, words: ['psychology-desk'] },
  { path: /^\/psychology/, load: PsychologyDesk.load, words: ['psychology-desk'] },
  { path: /^\/outreach/, load: OutreachDesk.load, words: ['outreach-desk'] },
  { path: /^\/reports\/./, load: Report.load, words: ['reports'] },
  { path: /^\/reports/, load: Reports.load, words: ['reports', 'hq-dashboard'] },
  { path: /^\/audit/, load: Audit.load, words: ['audit'] },
  { path: /^\/shelter\/stays\//, load: Stay.load, words: ['shelter-desk'] },
  { path: /^\/shelter/, load: ShelterDesk.load, words: ['shelter-desk'] },
  { path: /^\/import/, load: Import.load, words: ['import'] },
];

/** The translation files the page at `path` reads, besides the frame's. */
export const wordsOf = (path: string): readonly string[] => PAGES.find((page) => page.path.test(path))?.words ?? [];

/** Starts loading the chunk of the page at `path`, so it is there when the user is signed in. */
export function preloadRoute(path: string): Promise<unknown> {
  return PAGES.find((page) => page.path.test(path))?.load() ?? Promise.resolve();
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: 1 }, mutations: { retry: 0 } },
});

export function App({ auth }: { auth: Auth }) {
  const token = useSyncExternalStore(
    (listener) => auth.subscribe(listener),
    () => auth.accessToken,
  );
  const principal = useMemo(() => (token ? auth.principal : null), [auth, token]);
  const api = useMemo(() => apiClients(() => auth.accessToken), [auth]);
  const { t } = useTranslation();
  if (!principal) return <SignInPage onSignIn={() => auth.signIn()} />;
  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext.Provider value={{ principal, signOut: () => auth.signOut() }}>
        <ApiContext.Provider value={api}>
          <BrowserRouter>
            <Layout>
              <Suspense fallback={<p role="status">{t('loading')}</p>}>
                <Routes>
                  <Route path="/" element={<Navigate to={homeOf(principal.role)} replace />} />
                  <Route path="/hotline" element={<Offered path="/hotline" role={principal.role} page={<HotlineDesk.Page />} />} />
                  <Route path="/cases" element={<Offered path="/cases" role={principal.role} page={<CaseList.Page />} />} />
                  <Route path="/cases/:caseId" element={<Offered path="/cases" role={principal.role} page={<Case.Page />} />} />
                  <Route path="/figures" element={<Offered path="/figures" role={principal.role} page={<Figures.Page />} />} />
                  <Route path="/legal" element={<Offered path="/legal" role={principal.role} page={<LegalDesk.Page />} />} />
                  <Route path="/legal/cases/:caseId" element={<Offered path="/legal" role={principal.role} page={<CaseAssistance.Page />} />} />
                  <Route path="/legal/proceedings/:id" element={<Offered path="/legal" role={principal.role} page={<Proceeding.Page />} />} />
                  <Route path="/psychology" element={<Offered path="/psychology" role={principal.role} page={<PsychologyDesk.Page />} />} />
                  <Route path="/psychology/plans/:caseId" element={<Offered path="/psychology" role={principal.role} page={<RehabilitationPlan.Page />} />} />
                  <Route path="/outreach" element={<Offered path="/outreach" role={principal.role} page={<OutreachDesk.Page />} />} />
                  <Route path="/reports" element={<Offered path="/reports" role={principal.role} page={<Reports.Page />} />} />
                  <Route path="/reports/:id" element={<Offered path="/reports" role={principal.role} page={<Report.Page />} />} />
                  <Route path="/audit" element={<Offered path="/audit" role={principal.role} page={<Audit.Page />} />} />
                  <Route path="/shelter" element={<Offered path="/shelter" role={principal.role} page={<ShelterDesk.Page />} />} />
                  <Route path="/shelter/stays/:caseId" element={<Offered path="/shelter/stays" role={principal.role} page={<Stay.Page />} />} />
                  <Route path="/import" element={<Offered path="/import" role={principal.role} page={<Import.Page />} />} />
                  <Route path="/welcome" element={<Welcome />} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Routes>
              </Suspense>
            </Layout>
          </BrowserRouter>
        </ApiContext.Provider>
      </SessionContext.Provider>
    </QueryClientProvider>
  );
}

/** Where each role starts its day. */
function homeOf(role: string): string {
  if (role === 'HOTLINE_OPERATOR') return '/hotline';
  if (role === 'LAWYER') return '/legal';
  if (role === 'PSYCHOLOGIST') return '/psychology';
  if (role === 'SOCIAL_WORKER' || role === 'SHELTER_STAFF') return '/shelter';
  if (role === 'OUTREACH_COORDINATOR') return '/outreach';
  if (role === 'REGIONAL_MANAGER') return '/cases';
  if (role === 'HQ_ANALYST') return '/figures';
  if (role === 'ADMINISTRATOR') return '/audit';
  return '/welcome';
}

/** A workspace a role is not offered is not opened either (the services refuse it all the same): back home. */
function Offered({ path, role, page }: { path: string; role: string; page: ReactNode }) {
  return mayUse(role, path) ? page : <Navigate to={homeOf(role)} replace />;
}

function Welcome() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{t('home.title')}</h1>
      <p>{t('home.noDesk')}</p>
    </section>
  );
}
