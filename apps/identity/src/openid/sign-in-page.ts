/** The sign-in page of the local issuer, in the staff's three languages. Server-rendered: it must work before any app loads. */
export const SIGN_IN_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type SignInLanguage = (typeof SIGN_IN_LANGUAGES)[number];

const TEXT: Record<SignInLanguage, Record<'title' | 'intro' | 'username' | 'password' | 'submit' | 'failed' | 'locked' | 'language' | 'local', string>> = {
  kk: {
    title: 'Qorgau жүйесіне кіру',
    intro: 'Ұйымның есептік жазбасымен кіріңіз.',
    username: 'Пайдаланушы аты',
    password: 'Құпиясөз',
    submit: 'Кіру',
    failed: 'Пайдаланушы аты немесе құпиясөз қате.',
    locked: 'Сәтсіз әрекеттер тым көп. Бір минут күтіңіз.',
    language: 'Тіл',
    local: 'Жергілікті әзірлеу эмитенті: өндірісте ұйымның жеке куәландыру қызметі қолданылады.',
  },
  ru: {
    title: 'Вход в Qorgau',
    intro: 'Войдите под учётной записью организации.',
    username: 'Имя пользователя',
    password: 'Пароль',
    submit: 'Войти',
    failed: 'Неверное имя пользователя или пароль.',
    locked: 'Слишком много неудачных попыток. Подождите минуту.',
    language: 'Язык',
    local: 'Локальный эмитент для разработки: в работе используется поставщик удостоверений организации.',
  },
  en: {
    title: 'Sign in to Qorgau',
    intro: "Sign in with your organisation's account.",
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Unknown username or wrong password.',
    locked: 'Too many failed attempts. Wait a minute.',
    language: 'Language',
    local: "Local development issuer: production uses the organisation's identity provider.",
  },
};

const LANGUAGE_NAMES: Record<SignInLanguage, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The first of the client's `ui_locales` (or the page's `lang`) that we speak; Kazakh otherwise. */
export function signInLanguage(...candidates: (string | undefined)[]): SignInLanguage {
  for (const candidate of candidates) {
    for (const tag of (candidate ?? '').split(/[\s,]+/)) {
      const base = tag.toLowerCase().split('-')[0];
      if ((SIGN_IN_LANGUAGES as readonly string[]).includes(base ?? '')) return base as SignInLanguage;
    }
  }
  return 'kk';
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface SignInPage {
  readonly uid: string;
  readonly language: SignInLanguage;
  readonly username?: string;
  readonly error?: 'failed' | 'locked';
}

export function renderSignInPage(page: SignInPage): string {
  const t = TEXT[page.language];
  const languages = SIGN_IN_LANGUAGES.map((lang) =>
    lang === page.language
      ? `<li><span aria-current="true">${LANGUAGE_NAMES[lang]}</span></li>`
      : `<li><a href="/interaction/${escapeHtml(page.uid)}?lang=${lang}" lang="${lang}">${LANGUAGE_NAMES[lang]}</a></li>`,
  ).join('');
  const error = page.error ? `<p id="sign-in-error" class="error" role="alert">${t[page.error]}</p>` : '';
  const described = page.error ? ' aria-describedby="sign-in-error" aria-invalid="true"' : '';
  return `<!doctype html>
<html lang="${page.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #5c6670; border-radius: 4px; }
  input:focus, button:focus, a:focus { outline: 3px solid #0b5cad; outline-offset: 2px; }
  button { margin-top: 1.5rem; width: 100%; font: inherit; font-weight: 600; padding: .6rem; color: #fff; background: #0b5cad; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #a4161a; font-weight: 600; }
  nav ul { list-style: none; display: flex; gap: 1rem; padding: 0; margin: 0 0 1rem; }
  nav a { color: #0b5cad; }
  .note { color: #4a535c; font-size: .875rem; margin-top: 1.5rem; }
</style>
</head>
<body>
<main>
  <nav aria-label="${t.language}"><ul>${languages}</ul></nav>
  <h1>${t.title}</h1>
  <p>${t.intro}</p>
  ${error}
  <form method="post" action="/interaction/${escapeHtml(page.uid)}/login" autocomplete="on">
    <input type="hidden" name="lang" value="${page.language}">
    <label for="username">${t.username}</label>
    <input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(page.username ?? '')}"${described}>
    <label for="password">${t.password}</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
    <button type="submit">${t.submit}</button>
  </form>
  <p class="note">${t.local}</p>
</main>
</body>
</html>`;
}
