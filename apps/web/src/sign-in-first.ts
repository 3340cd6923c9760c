import { Auth, type RuntimeConfig } from './lib/auth';

// The silent sign-in is the longest wait of an opening: a hidden frame to the provider and back, then
// a token. main.tsx imports this module first, so the browser runs it before it evaluates React and
// the rest of the application, and the sign-in's round trips overlap that work instead of following it.
performance.mark('qorgau:boot');

/** The signed-in session (or none: the sign-in page shows), started as early as the page can. */
export const signedIn: Promise<Auth> = fetch('/config.json')
  .then(async (response) => (await response.json()) as RuntimeConfig)
  .then(async (config) => {
    // The language of the page is the reader's, set by the translations as they load.
    const auth = new Auth(config, () => document.documentElement.lang);
    await auth.start().catch(() => undefined);
    performance.mark('qorgau:signed-in');
    return auth;
  });
