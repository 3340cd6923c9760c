import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { Auth, type RuntimeConfig } from './lib/auth';
import { setUpI18n } from './lib/i18n';
import './styles.css';

const i18n = setUpI18n();
const config = (await (await fetch('/config.json')).json()) as RuntimeConfig;
const auth = new Auth(config, () => i18n.language);
await auth.start().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App auth={auth} />
  </StrictMode>,
);
