// First: starts the sign-in before the modules below are evaluated.
import { signedIn } from './sign-in-first';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute, wordsOf } from './app/app';
import { setUpI18n } from './lib/i18n';
import './styles.css';

// The desk being opened and its words load beside the sign-in; the first render waits for all three,
// so it draws the desk itself rather than "Loading…".
const i18nReady = setUpI18n(wordsOf(location.pathname)).then(() => performance.mark('qorgau:words'));
const pageReady = preloadRoute(location.pathname).catch(() => undefined);
const [auth] = await Promise.all([signedIn, i18nReady, pageReady]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App auth={auth} />
  </StrictMode>,
);
