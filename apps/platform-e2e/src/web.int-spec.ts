import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { eventually, repoRoot } from '@qorgau/testing';
import { getJson, postJson, testPlatform, type Figures } from './platform';
import { webPlatform, type Language } from './web-platform';

/**
 * The web application in a real browser (Debian's Chromium driven by playwright-core) against the
 * real platform: every service as a process, real Kafka and PostgreSQL, the OpenID flow of the
 * local provider. Screenshots go to .cache/screenshots/ for people to look at.
 */
const platform = testPlatform(14000);
const front = webPlatform(platform, 14080);
const web = front.web;
const screenshots = path.join(repoRoot, '.cache', 'screenshots');
const signedIn = (username: string, language: Language = 'en') => front.signedIn(username, language);

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  await platform.start();
  await front.start();
});

afterAll(async () => {
  await front.stop();
  await platform.stop();
});

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ page: name, violations: summary }).toEqual({ page: name, violations: [] });
}

describe('the web application', () => {
  it('signs an operator in through OpenID Connect; a call logged with the keyboard reaches the national view', async () => {
    const before = await getJson<Figures>(`${platform.projection.url}/views/national`, await platform.as('hq-analyst'));
    const beforeTotal = before.metrics['hotline_calls']?.total ?? 0;
    const { context, page } = await signedIn('hotline-operator.kz-79');
    await page.waitForURL(/\/hotline$/);
    await page.locator('#call-form-heading').waitFor();
    // Keyboard only: a digit picks the caller category, Space toggles, Ctrl+Enter saves.
    await page.locator('#field-callerCategory-PREPARING_TO_TRAVEL_ABROAD').focus();
    await page.keyboard.press('2');
    expect(await page.locator('#field-callerCategory-RELATIVE_CONCERNED_ABOUT_SOMEONE').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+Enter');
    await page.locator('p.success[role=status]').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'hotline-desk-en.png'), fullPage: true });
    await eventually(async () => {
      const now = await getJson<Figures>(`${platform.projection.url}/views/national`, await platform.as('hq-analyst'));
      expect(now.metrics['hotline_calls']?.total).toBe(beforeTotal + 1);
    });
    // The HQ analyst sees it counted, in Kazakh, on the national figures.
    const hq = await signedIn('hq-analyst', 'kk');
    await hq.page.waitForURL(/\/figures$/);
    const calls = hq.page.locator('tr[data-indicator=hotline_calls]');
    await calls.waitFor();
    expect(await calls.locator('th').textContent()).toBe('Сенім телефонына түскен қоңыраулар');
    await eventually(async () => expect(await calls.locator('td').textContent()).toBe(String(beforeTotal + 1)));
    await expectNoAxeViolations(hq.page, 'national figures');
    await hq.page.screenshot({ path: path.join(screenshots, 'national-figures-kk.png'), fullPage: true });
    await hq.context.close();
    await page.locator('table tbody tr').first().waitFor();
    // Tokens live in memory only: nothing in the browser's storage holds one.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
    // A reload resumes the provider's session without a click.
    await page.reload();
    await page.locator('#call-form-heading').waitFor();
    await context.close();
  });

  it('a save whose answer is lost on the network is retried with the same key and stores one call', async () => {
    const { context, page } = await signedIn('hotline-operator.kz-79');
    await page.waitForURL(/\/hotline$/);
    const calls = async () =>
      ((await (await fetch(`${platform.intake.url}/hotline-calls?region=KZ-79&limit=100`, { headers: await platform.as('hotline-operator.kz-79') })).json()) as { calls: unknown[] }).calls.length;
    const before = await calls();
    const keys: string[] = [];
    // The first save reaches intake and is stored, but its answer never reaches the browser.
    let dropped = false;
    await page.route('**/api/intake/hotline-calls', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      return route.abort('connectionreset');
    });
    await page.locator('#field-callerCategory-VICTIM').check();
    await page.locator('label.toggle', { hasText: 'Labour exploitation' }).locator('input').check();
    await page.locator('form button.primary[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    // What was typed is still there; the operator saves again.
    expect(await page.locator('#field-callerCategory-VICTIM').isChecked()).toBe(true);
    await page.locator('form button.primary[type=submit]').click();
    await page.locator('p.success[role=status]').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await calls()).toBe(before + 1);
    await context.close();
  });

  it('signing out ends the session at the provider too: the next person must sign in again', async () => {
    const { context, page } = await signedIn('hotline-operator.kz-79');
    await page.locator('header button', { hasText: 'Sign out' }).click();
    await page.locator('main.sign-in button').waitFor();
    await page.locator('main.sign-in button').click();
    await page.waitForURL(/\/interaction\//);
    await page.locator('#password').waitFor();
    await context.close();
  });

  it('shows the desk in Kazakh, enum values included, and passes axe on the sign-in page and both desks', async () => {
    const context = await front.browser.newContext({ locale: 'kk' });
    const signInPage = await context.newPage();
    await signInPage.goto(web.url);
    await signInPage.locator('main.sign-in h1').waitFor();
    expect(await signInPage.locator('main.sign-in h1').textContent()).toBe('Qorgau жүйесіне кіру');
    await expectNoAxeViolations(signInPage, 'sign-in');
    await signInPage.screenshot({ path: path.join(screenshots, 'sign-in-kk.png') });
    await signInPage.locator('main.sign-in button').click();
    await signInPage.waitForURL(/\/interaction\//);
    await expectNoAxeViolations(signInPage, 'provider sign-in');
    await signInPage.screenshot({ path: path.join(screenshots, 'provider-sign-in-kk.png') });
    await context.close();

    for (const language of ['kk', 'ru'] as const) {
      const { context: desk, page } = await signedIn('hotline-operator.kz-79', language);
      await page.waitForURL(/\/hotline$/);
      await page.locator('#call-form-heading').waitFor();
      const heading = await page.locator('#call-form-heading').textContent();
      const category = await page
        .locator('label[for], label.choice')
        .filter({ has: page.locator('#field-callerCategory-PREPARING_TO_TRAVEL_ABROAD') })
        .textContent();
      if (language === 'kk') {
        expect(heading).toBe('Қоңырауды тіркеу');
        expect(category).toContain('Шетелге шығуға дайындалуда');
      } else {
        expect(heading).toBe('Зарегистрировать звонок');
        expect(category).toContain('Собирается выехать за рубеж');
      }
      await expectNoAxeViolations(page, `hotline desk ${language}`);
      // A call saved without its category: the field is named, and the problem worded, in the desk's language.
      await page.locator('form button.primary[type=submit]').click();
      const problem = page.locator('.error-summary li');
      await problem.first().waitFor();
      expect(await problem.allTextContents()).toEqual([language === 'kk' ? 'Қоңырау шалушының санаты: тізімнен таңдаңыз' : 'Категория звонящего: выберите значение из списка']);
      await expectNoAxeViolations(page, `hotline desk ${language} with an error`);
      await page.screenshot({ path: path.join(screenshots, `hotline-desk-${language}.png`), fullPage: true });
      // A reload forgets the in-memory token; the provider's session signs the user in again silently.
      await page.goto(`${web.url}/cases`);
      await page.waitForURL(/\/cases$/);
      await page.locator('#case-list-heading').waitFor();
      await expectNoAxeViolations(page, `case desk ${language}`);
      await page.screenshot({ path: path.join(screenshots, `case-desk-${language}.png`), fullPage: true });
      await desk.close();
    }
  });

  it('shows every page in Kazakh, Russian and English, axe-clean, each saved for people to look at', async () => {
    const opened = await postJson(
      `${platform.intake.url}/cases`,
      {
        region: 'KZ-79',
        subjectSex: 'FEMALE',
        subjectAgeBand: 'AGE_18_24',
        citizenship: 'UZ',
        exploitationForm: 'LABOUR',
        scope: 'CROSS_BORDER',
        consent: { services: true, externalReferral: false, reporting: true },
      },
      await platform.as('hotline-operator.kz-79'),
    );
    expect(opened.status).toBe(201);
    const caseId = opened.body['id'] as string;
    await eventually(async () => expect((await fetch(`${platform.projection.url}/views/case-progress/${caseId}`, { headers: await platform.as('regional-manager.kz-79') })).status).toBe(200));
    const pages = path.join(screenshots, 'pages');
    mkdirSync(pages, { recursive: true });
    for (const language of ['kk', 'ru', 'en'] as const) {
      const visitor = await front.browser.newContext({ locale: language });
      const signIn = await visitor.newPage();
      await signIn.addInitScript((lang) => localStorage.setItem('qorgau.language', lang), language);
      await signIn.goto(web.url);
      await signIn.locator('main.sign-in h1').waitFor();
      await expectNoAxeViolations(signIn, `sign-in ${language}`);
      await signIn.screenshot({ path: path.join(pages, `sign-in-${language}.png`) });
      await visitor.close();

      const manager = await signedIn('regional-manager.kz-79', language);
      for (const [name, route, ready] of [
        ['hotline-desk', '/hotline', '#call-form-heading'],
        ['case-desk', '/cases', '#case-list-heading'],
        ['case-page', `/cases/${caseId}`, '#history-heading ~ table'],
        ['regional-figures', '/figures', 'tr[data-indicator=hotline_calls]'],
      ] as const) {
        await manager.page.goto(`${web.url}${route}`);
        await manager.page.locator(ready).first().waitFor();
        await expectNoAxeViolations(manager.page, `${name} ${language}`);
        await manager.page.screenshot({ path: path.join(pages, `${name}-${language}.png`), fullPage: true });
      }
      await manager.context.close();
      const hq = await signedIn('hq-analyst', language);
      await hq.page.locator('tr[data-indicator=hotline_calls]').waitFor();
      await expectNoAxeViolations(hq.page, `national figures ${language}`);
      await hq.page.screenshot({ path: path.join(pages, `national-figures-${language}.png`), fullPage: true });
      await hq.context.close();
    }
  });

  it('opens a case; a referral outside the NGO without consent is refused with its reason shown; another region sees nothing of it', async () => {
    const { context, page } = await signedIn('hotline-operator.kz-79');
    await page.goto(`${web.url}/cases`);
    await page.locator('#open-case-heading').waitFor();
    // Nothing is presumed: opened without the facts, the form names each one still needed.
    const openButton = page.locator('#open-case-heading ~ form button[type=submit]');
    await openButton.click();
    const summary = page.locator('#open-case-heading ~ .error-summary');
    await summary.waitFor();
    expect(await summary.locator('li a').allTextContents()).toEqual(expect.arrayContaining(['Citizenship (ISO code, e.g. UZ)', 'Form of exploitation', 'Scope']));
    await page.fill('#field-citizenship', 'uz');
    await page.selectOption('#field-exploitationForm', 'LABOUR');
    await page.selectOption('#field-scope', 'CROSS_BORDER');
    await page.locator('label.toggle', { hasText: "To receive the NGO's services" }).locator('input').check();
    await page.locator('label.toggle', { hasText: 'To anonymised case-level reports' }).locator('input').check();
    await openButton.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    await page.selectOption('#field-destination', 'SHELTER');
    await page.locator('#field-destination').locator('xpath=ancestor::form').locator('button[type=submit]').click();
    const refusal = page.locator('p.error[role=alert]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe("Refused: This referral leaves the NGO: record the victim's consent to it first.");
    await expectNoAxeViolations(page, 'case page');
    await page.screenshot({ path: path.join(screenshots, 'case-page-en.png'), fullPage: true });
    await context.close();

    // The regional manager reads the case's history across services, in their language.
    await eventually(async () => {
      const response = await fetch(`${platform.projection.url}/views/case-progress/${caseId}`, { headers: await platform.as('regional-manager.kz-79') });
      expect(response.status).toBe(200);
    });
    const manager = await signedIn('regional-manager.kz-79', 'ru');
    await manager.page.goto(`${web.url}/cases/${caseId}`);
    const history = manager.page.locator('#history-heading ~ table');
    await history.waitFor();
    expect(await history.locator('tbody td').allTextContents()).toContain('Дело открыто');
    await expectNoAxeViolations(manager.page, 'case page with history');
    await manager.page.screenshot({ path: path.join(screenshots, 'case-page-ru.png'), fullPage: true });
    // Counts read as the language says them (CLDR plural forms).
    await manager.page.goto(`${web.url}/cases`);
    await manager.page.locator('#case-list-heading ~ p[role=status]').waitFor();
    expect(await manager.page.locator('#case-list-heading ~ p[role=status]').textContent()).toMatch(/^\d+ (запись|записи|записей)$/);
    await manager.context.close();

    const other = await signedIn('hotline-operator.kz-71');
    await other.page.goto(`${web.url}/cases/${caseId}`);
    await other.page.locator('.error-summary').waitFor();
    expect(await other.page.locator('.error-summary').textContent()).toMatch(/not allowed|Not found/);
    const list = await (await fetch(`${platform.intake.url}/cases?region=KZ-79`, { headers: await platform.as('hotline-operator.kz-71') })).status;
    expect(list).toBe(403);
    const read = await (await fetch(`${platform.intake.url}/cases/${caseId}`, { headers: await platform.as('hotline-operator.kz-71') })).status;
    expect(read).toBe(403);
    await other.context.close();
  });
});
