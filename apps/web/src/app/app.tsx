import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { apiClients } from '../lib/api';
import type { Auth } from '../lib/auth';
import { ApiContext, SessionContext } from './contexts';
import { Layout, mayUse } from './layout';
import { SignInPage } from './sign-in-page';

// Each desk is its own chunk: the hotline desk loads nothing of the case desk.
const loadHotlineDesk = () => import('../features/hotline-desk/hotline-desk-page');
const loadCaseList = () => import('../features/case-desk/case-list-page');
const loadCasePage = () => import('../features/case-desk/case-page');
const loadFigures = () => import('../features/hq-dashboard/figures-page');
const loadLegalDesk = () => import('../features/legal-desk/legal-desk-page');
const loadCaseAssistance = () => import('../features/legal-desk/case-assistance-page');
const loadProceeding = () => import('../features/legal-desk/proceeding-page');
const loadPsychologyDesk = () => import('../features/psychology-desk/psychology-desk-page');
const loadRehabilitationPlan = () => import('../features/psychology-desk/rehabilitation-plan-page');
const loadOutreachDesk = () => import('../features/outreach-desk/outreach-desk-page');
const loadReports = () => import('../features/reports/reports-page');
const loadReport = () => import('../features/reports/report-page');
const loadAudit = () => import('../features/audit/audit-page');
const loadShelterDesk = () => import('../features/shelter-desk/shelter-desk-page');
const loadStay = () => import('../features/shelter-desk/stay-page');
const loadImport = () => import('../features/import/import-page');
const HotlineDeskPage = lazy(loadHotlineDesk);
const CaseListPage = lazy(loadCaseList);
const CasePage = lazy(loadCasePage);
const FiguresPage = lazy(loadFigures);
const LegalDeskPage = lazy(loadLegalDesk);
const CaseAssistancePage = lazy(loadCaseAssistance);
const ProceedingPage = lazy(loadProceeding);
const PsychologyDeskPage = lazy(loadPsychologyDesk);
const RehabilitationPlanPage = lazy(loadRehabilitationPlan);
const OutreachDeskPage = lazy(loadOutreachDesk);
const ReportsPage = lazy(loadReports);
const ReportPage = lazy(loadReport);
const AuditPage = lazy(loadAudit);
const ShelterDeskPage = lazy(loadShelterDesk);
const StayPage = lazy(loadStay);
const ImportPage = lazy(loadImport);

// Which chunk and which words each page needs, so both start loading as soon as its address is known.
const PAGES: readonly { path: RegExp; load: () => Promise<unknown>; words: readonly string[] }[] = [
  { path: /^\/hotline/, load: loadHotlineDesk, words: ['hotline-desk'] },
  { path: /^\/cases\/./, load: loadCasePage, words: ['case-desk'] },
  { path: /^\/cases/, load: loadCaseList, words: ['case-desk'] },
  { path: /^\/figures/, load: loadFigures, words: ['hq-dashboard'] },
  { path: /^\/legal\/cases\//, load: loadCaseAssistance, words: ['legal-desk'] },
  { path: /^\/legal\/proceedings\//, load: loadProceeding, words: ['legal-desk'] },
  { path: /^\/legal/, load: loadLegalDesk, words: ['legal-desk'] },
  { path: /^\/psychology\/plans\//, load: loadRehabilitationPlan, words: ['psychology-desk'] },
  { path: /^\/psychology/, load: loadPsychologyDesk, words: ['psychology-desk'] },
  { path: /^\/outreach/, load: loadOutreachDesk, words: ['outreach-desk'] },
  { path: /^\/reports\/./, load: loadReport, words: ['reports'] },
  { path: /^\/reports/, load: loadReports, words: ['reports', 'hq-dashboard'] },
  { path: /^\/audit/, load: loadAudit, words: ['audit'] },
  { path: /^\/shelter\/stays\//, load: loadStay, words: ['shelter-desk'] },
  { path: /^\/shelter/, load: loadShelterDesk, words: ['shelter-desk'] },
  { path: /^\/import/, load: loadImport, words: ['import'] },
];

/** The translation files the page at `path` reads, besides the frame's. */
export const wordsOf = (path: string): readonly string[] => PAGES.find((page) => page.path.test(path))?.words ?? [];

/** Starts loading the chunk of the page at `path`, so it is there when the user is signed in. */
export function preloadRoute(path: string): void {
  void PAGES.find((page) => page.path.test(path))?.load();
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
                  <Route path="/hotline" element={<Offered path="/hotline" role={principal.role} page={<HotlineDeskPage />} />} />
                  <Route path="/cases" element={<Offered path="/cases" role={principal.role} page={<CaseListPage />} />} />
                  <Route path="/cases/:caseId" element={<Offered path="/cases" role={principal.role} page={<CasePage />} />} />
                  <Route path="/figures" element={<Offered path="/figures" role={principal.role} page={<FiguresPage />} />} />
                  <Route path="/legal" element={<Offered path="/legal" role={principal.role} page={<LegalDeskPage />} />} />
                  <Route path="/legal/cases/:caseId" element={<Offered path="/legal" role={principal.role} page={<CaseAssistancePage />} />} />
                  <Route path="/legal/proceedings/:id" element={<Offered path="/legal" role={principal.role} page={<ProceedingPage />} />} />
                  <Route path="/psychology" element={<Offered path="/psychology" role={principal.role} page={<PsychologyDeskPage />} />} />
                  <Route path="/psychology/plans/:caseId" element={<Offered path="/psychology" role={principal.role} page={<RehabilitationPlanPage />} />} />
                  <Route path="/outreach" element={<Offered path="/outreach" role={principal.role} page={<OutreachDeskPage />} />} />
                  <Route path="/reports" element={<Offered path="/reports" role={principal.role} page={<ReportsPage />} />} />
                  <Route path="/reports/:id" element={<Offered path="/reports" role={principal.role} page={<ReportPage />} />} />
                  <Route path="/audit" element={<Offered path="/audit" role={principal.role} page={<AuditPage />} />} />
                  <Route path="/shelter" element={<Offered path="/shelter" role={principal.role} page={<ShelterDeskPage />} />} />
                  <Route path="/shelter/stays/:caseId" element={<Offered path="/shelter/stays" role={principal.role} page={<StayPage />} />} />
                  <Route path="/import" element={<Offered path="/import" role={principal.role} page={<ImportPage />} />} />
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
