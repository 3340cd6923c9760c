import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute, wordsOf } from './app/app';
import { Auth, type RuntimeConfig } from './lib/auth';
import { setUpI18n } from './lib/i18n';
import './styles.css';

// The desk being opened, its words and the sign-in load side by side, not one after another.
const i18nReady = setUpI18n(wordsOf(location.pathname));
preloadRoute(location.pathname);
const config = (await (await fetch('/config.json')).json()) as RuntimeConfig;
const auth = new Auth(config, () => i18next.language);
await Promise.all([auth.start().catch(() => undefined), i18nReady]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App auth={auth} />
  </StrictMode>,
);
