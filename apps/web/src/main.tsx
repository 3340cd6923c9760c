import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/app';
import { Auth, type RuntimeConfig } from './lib/auth';
import { setUpI18n } from './lib/i18n';
import './styles.css';

const i18n = setUpI18n();
// The desk being opened loads while the sign-in is resumed, not after it.
preloadRoute(location.pathname);
const config = (await (await fetch('/config.json')).json()) as RuntimeConfig;
const auth = new Auth(config, () => i18n.language);
await auth.start().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App auth={auth} />
  </StrictMode>,
);
