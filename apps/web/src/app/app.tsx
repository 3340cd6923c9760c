import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, lazy, Suspense, useMemo, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { apiClients } from '../lib/api';
import type { Auth } from '../lib/auth';
import { ApiContext, SessionContext } from './contexts';
import { Layout, mayUse } from './layout';
import { PAGES, type PageChunk } from './pages';
import { SignInPage } from './sign-in-page';

// Each desk is its own chunk (pages.ts).
const HotlineDesk = page(PAGES.hotlineDesk);
const CaseList = page(PAGES.caseList);
const Case = page(PAGES.case);
const Figures = page(PAGES.figures);
const LegalDesk = page(PAGES.legalDesk);
const CaseAssistance = page(PAGES.caseAssistance);
const Proceeding = page(PAGES.proceeding);
const PsychologyDesk = page(PAGES.psychologyDesk);
const RehabilitationPlan = page(PAGES.rehabilitationPlan);
const OutreachDesk = page(PAGES.outreachDesk);
const Reports = page(PAGES.reports);
const Report = page(PAGES.report);
const Audit = page(PAGES.audit);
const ShelterDesk = page(PAGES.shelterDesk);
const Stay = page(PAGES.stay);
const Import = page(PAGES.import);

/**
 * A code-split page. Once its chunk is there it renders at once: React.lazy suspends on first render
 * even for a chunk already loaded, and React holds a revealed boundary back for up to 300 ms — a third
 * of the hotline desk's opening budget spent showing "Loading…" for code the browser already has.
 */
function page(chunk: PageChunk): ComponentType {
  const Lazy = lazy(async () => {
    await chunk.load();
    return { default: chunk.component! };
  });
  return function Page() {
    return chunk.component ? createElement(chunk.component) : <Lazy />;
  };
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
                  <Route path="/hotline" element={<Offered path="/hotline" role={principal.role} page={<HotlineDesk />} />} />
                  <Route path="/cases" element={<Offered path="/cases" role={principal.role} page={<CaseList />} />} />
                  <Route path="/cases/:caseId" element={<Offered path="/cases" role={principal.role} page={<Case />} />} />
                  <Route path="/figures" element={<Offered path="/figures" role={principal.role} page={<Figures />} />} />
                  <Route path="/legal" element={<Offered path="/legal" role={principal.role} page={<LegalDesk />} />} />
                  <Route path="/legal/cases/:caseId" element={<Offered path="/legal" role={principal.role} page={<CaseAssistance />} />} />
                  <Route path="/legal/proceedings/:id" element={<Offered path="/legal" role={principal.role} page={<Proceeding />} />} />
                  <Route path="/psychology" element={<Offered path="/psychology" role={principal.role} page={<PsychologyDesk />} />} />
                  <Route path="/psychology/plans/:caseId" element={<Offered path="/psychology" role={principal.role} page={<RehabilitationPlan />} />} />
                  <Route path="/outreach" element={<Offered path="/outreach" role={principal.role} page={<OutreachDesk />} />} />
                  <Route path="/reports" element={<Offered path="/reports" role={principal.role} page={<Reports />} />} />
                  <Route path="/reports/:id" element={<Offered path="/reports" role={principal.role} page={<Report />} />} />
                  <Route path="/audit" element={<Offered path="/audit" role={principal.role} page={<Audit />} />} />
                  <Route path="/shelter" element={<Offered path="/shelter" role={principal.role} page={<ShelterDesk />} />} />
                  <Route path="/shelter/stays/:caseId" element={<Offered path="/shelter/stays" role={principal.role} page={<Stay />} />} />
                  <Route path="/import" element={<Offered path="/import" role={principal.role} page={<Import />} />} />
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
