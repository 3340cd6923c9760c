import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { apiClients } from '../lib/api';
import type { Auth } from '../lib/auth';
import { ApiContext, SessionContext } from './contexts';
import { Layout } from './layout';
import { SignInPage } from './sign-in-page';

// Each desk is its own chunk: the hotline desk loads nothing of the case desk.
const loadHotlineDesk = () => import('../features/hotline-desk/hotline-desk-page');
const loadCaseList = () => import('../features/case-desk/case-list-page');
const loadCasePage = () => import('../features/case-desk/case-page');
const loadFigures = () => import('../features/hq-dashboard/figures-page');
const HotlineDeskPage = lazy(loadHotlineDesk);
const CaseListPage = lazy(loadCaseList);
const CasePage = lazy(loadCasePage);
const FiguresPage = lazy(loadFigures);

/** Starts loading the chunk of the page at `path`, so it is there when the user is signed in. */
export function preloadRoute(path: string): void {
  if (path.startsWith('/hotline')) void loadHotlineDesk();
  else if (/^\/cases\/./.test(path)) void loadCasePage();
  else if (path.startsWith('/cases')) void loadCaseList();
  else if (path.startsWith('/figures')) void loadFigures();
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
                  <Route path="/hotline" element={<HotlineDeskPage />} />
                  <Route path="/cases" element={<CaseListPage />} />
                  <Route path="/cases/:caseId" element={<CasePage />} />
                  <Route path="/figures" element={<FiguresPage />} />
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
  if (['REGIONAL_MANAGER', 'LAWYER', 'PSYCHOLOGIST'].includes(role)) return '/cases';
  if (role === 'HQ_ANALYST') return '/figures';
  return '/welcome';
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
