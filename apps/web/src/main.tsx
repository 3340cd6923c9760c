import { preloadRoute, wordsOf } from './app/pages';
import { Auth, type RuntimeConfig } from './lib/auth';
import { FRAME_WORDS, initialLanguage, loadWords } from './lib/words';
import './styles.css';

// The entry holds only the sign-in, the words' loaders and the table of desks, so it runs as soon as it arrives. The
// silent sign-in is the longest wait of an opening (a hidden frame to the provider and back, then a
// token); it starts first, and React, the application, the desk being opened and its words load
// beside it. The first render waits for all of them, so it draws the desk itself, not "Loading…".
performance.mark('qorgau:boot');
const signedIn = fetch('/config.json')
  .then(async (response) => (await response.json()) as RuntimeConfig)
  .then(async (config) => {
    // The page's language is the reader's: the translations set it as they load.
    const auth = new Auth(config, () => document.documentElement.lang);
    await auth.start().catch(() => undefined);
    performance.mark('qorgau:signed-in');
    return auth;
  });
const application = import('./app/start');
const pageReady = preloadRoute(location.pathname).catch(() => undefined);
// Fetched now, read by i18next from the browser's module cache once it is there.
for (const namespace of [...FRAME_WORDS, ...wordsOf(location.pathname)]) loadWords(initialLanguage(), namespace).catch(() => undefined);
const words = import('./lib/i18n').then(({ setUpI18n }) => setUpI18n(wordsOf(location.pathname))).then(() => performance.mark('qorgau:words'));

const [auth, { start }] = await Promise.all([signedIn, application, pageReady, words]);
start(auth);
