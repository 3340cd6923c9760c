import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Auth } from '../lib/auth';
import { App } from './app';

/** Draws the application: React and everything the desks share, loaded beside the sign-in (main.tsx). */
export function start(auth: Auth): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App auth={auth} />
    </StrictMode>,
  );
}
