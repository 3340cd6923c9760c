import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { indicatorByCode, measureOf } from '@qorgau/contracts';
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
    // A record of each kind the workspaces show: a referred case in legal and in psychology, proceedings, a report.
    const legalCaseId = await referredCase('LEGAL');
    const psychologyCaseId = await referredCase('PSYCHOLOGY');
    const proceeding = await postJson(`${platform.legal.url}/criminal-proceedings`, { region: 'KZ-79', articles: ['128.3'] }, await platform.as('lawyer.kz-79'));
    const report = await postJson(
      `${platform.statistics.url}/reports`,
      { scope: 'KZ-79', periodKind: 'YEAR', period: new Date().toISOString().slice(0, 4) },
      await platform.as('regional-manager.kz-79'),
    );
    expect([proceeding.status, report.status]).toEqual([201, 201]);
    const workspaces: readonly (readonly [username: string, name: string, route: string, ready: string])[] = [
      ['lawyer.kz-79', 'legal-desk', '/legal', '#legal-queue-heading ~ table'],
      ['lawyer.kz-79', 'case-assistance', `/legal/cases/${legalCaseId}`, '#assistance-actions-heading'],
      ['lawyer.kz-79', 'criminal-proceedings', `/legal/proceedings/${proceeding.body['id'] as string}`, '#proceeding-timeline-heading'],
      ['psychologist.kz-79', 'psychology-desk', '/psychology', '#plans-heading ~ table'],
      ['psychologist.kz-79', 'rehabilitation-plan', `/psychology/plans/${psychologyCaseId}`, '#plan-course-heading'],
      ['outreach-coordinator.kz-79', 'outreach-desk', '/outreach', '#training-heading'],
      ['outreach-coordinator.kz-79', 'import', '/import', '#import-heading'],
      ['regional-manager.kz-79', 'reports', '/reports', '#report-list-heading ~ table'],
      ['regional-manager.kz-79', 'report', `/reports/${report.body['id'] as string}`, '#review-heading ~ table'],
      ['hq-analyst', 'national-dashboard', '/figures', 'tr[data-matrix-indicator=hotline_calls]'],
      ['administrator', 'audit-trail', '/audit', '#audit-entries-heading'],
      ['social-worker.kz-79', 'shelter-desk', '/shelter', '#shelter-board-heading'],
      ['shelter-staff.kz-79', 'shelter-staff-desk', '/shelter', '#shelter-board-heading, p[data-unassigned]'],
    ];
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
      for (const username of [...new Set(workspaces.map(([user]) => user))]) {
        const worker = await signedIn(username, language);
        for (const [, name, route, ready] of workspaces.filter(([user]) => user === username)) {
          await worker.page.goto(`${web.url}${route}`);
          await worker.page.locator(ready).first().waitFor();
          await expectNoAxeViolations(worker.page, `${name} ${language}`);
          await worker.page.screenshot({ path: path.join(pages, `${name}-${language}.png`), fullPage: true });
        }
        await worker.context.close();
      }
    }
    // Sixteen pages, three languages, each checked by axe and saved full length: minutes, not seconds.
  }, 420_000);

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
    // The status reads "Загрузка…" until the list arrives, then the count.
    const count = manager.page.locator('#case-list-heading ~ p[role=status]');
    await eventually(async () => expect(await count.textContent()).toMatch(/^\d+ (запись|записи|записей)$/));
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

/** The national totals of the 4P indicators now, as HQ reads them for the current year. */
async function nationalTotals(): Promise<Record<string, number>> {
  const year = new Date().toISOString().slice(0, 4);
  const figures = await getJson<Figures>(`${platform.projection.url}/views/national?year=${year}`, await platform.as('hq-analyst'));
  return Object.fromEntries(Object.entries(figures.metrics).map(([code, metric]) => [code, metric.total]));
}

/** The totals once nothing more is arriving: two reads half a second apart agree. */
async function settledTotals(): Promise<Record<string, number>> {
  for (let previous = await nationalTotals(); ;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await nationalTotals();
    if (JSON.stringify(now) === JSON.stringify(previous)) return now;
    previous = now;
  }
}

/**
 * What changed between two sets of totals, without the indicators that did not move, nor averages:
 * an average moves with what it divides, by however much the earlier tests left.
 */
const moved = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after).flatMap(([code, total]) => (total !== (before[code] ?? 0) && measureOf(indicatorByCode(code) ?? {}).kind !== 'AVERAGE' ? [[code, total - (before[code] ?? 0)]] : [])),
  );

/** The form of a workspace panel, by its heading's id. */
const panel = (page: Page, headingId: string) => page.locator(`section[aria-labelledby="${headingId}"]`);

/** A case opened and referred by the hotline, for a lawyer's or a psychologist's queue. */
async function referredCase(destination: 'LEGAL' | 'PSYCHOLOGY' | 'SHELTER'): Promise<string> {
  const operator = await platform.as('hotline-operator.kz-79');
  const opened = await postJson(
    `${platform.intake.url}/cases`,
    {
      region: 'KZ-79',
      subjectSex: 'FEMALE',
      subjectAgeBand: 'AGE_18_24',
      citizenship: 'UZ',
      exploitationForm: 'LABOUR',
      scope: 'CROSS_BORDER',
      subjectName: 'Dilnoza K.',
      consent: { services: true, externalReferral: true, reporting: true },
    },
    operator,
  );
  const caseId = opened.body['id'] as string;
  expect((await postJson(`${platform.intake.url}/cases/${caseId}/referrals`, { destination }, operator)).status).toBe(201);
  // The receiving service has opened its work on the case (and announced it) before the test goes on.
  const work = {
    LEGAL: `${platform.legal.url}/case-assistance/${caseId}`,
    PSYCHOLOGY: `${platform.psychology.url}/rehabilitation-plans/${caseId}`,
    SHELTER: `${platform.social.url}/stays/${caseId}`,
  }[destination];
  const worker = await platform.as({ LEGAL: 'lawyer.kz-79', PSYCHOLOGY: 'psychologist.kz-79', SHELTER: 'social-worker.kz-79' }[destination]);
  await eventually(async () => expect((await fetch(work, { headers: worker })).status).toBe(200), { timeoutMs: 30_000 });
  return caseId;
}

describe('the workspaces', () => {
  it('a lawyer records a consultation, assistance with a repatriation, a complaint with its decision and proceedings to a verdict; HQ counts each', async () => {
    const caseId = await referredCase('LEGAL');
    const before = await settledTotals();
    const { context, page } = await signedIn('lawyer.kz-79');
    await page.waitForURL(/\/legal$/);
    // Not offered the dashboard, and the service refuses it all the same.
    expect(await page.locator('header nav a').allTextContents()).not.toContain('Dashboard');
    expect((await fetch(`${platform.projection.url}/views/national`, { headers: await platform.as('lawyer.kz-79') })).status).toBe(403);
    await page.goto(`${web.url}/figures`);
    await page.waitForURL(/\/legal$/);

    const consultation = panel(page, 'legal-consultation-heading');
    await consultation.locator('#field-clientType').selectOption('VICTIM');
    await consultation.locator('#field-outcome').selectOption('DOCUMENTS_DRAFTED');
    await consultation.locator('label', { hasText: 'Documents' }).locator('input').check();
    await consultation.locator('#field-notes').fill('Her passport is held by the employer');
    await consultation.locator('button[type=submit]').click();
    await consultation.locator('p.success').waitFor();

    // The referred case waits in the queue; its page records a repatriation with the embassy.
    await eventually(async () => {
      await page.reload();
      await page.locator(`tr[data-case="${caseId}"] a`).click({ timeout: 2_000 });
    });
    await page.waitForURL(new RegExp(`/legal/cases/${caseId}$`));
    const assistance = panel(page, 'record-assistance-heading');
    await assistance.locator('#field-kind').selectOption('REPATRIATION');
    await assistance.locator('#field-country').fill('uz');
    await assistance.locator('#field-embassyInvolved').check();
    await assistance.locator('#field-note').fill('Flew home to Tashkent with her brother');
    await assistance.locator('button[type=submit]').click();
    await assistance.locator('p.success').waitFor();
    await page.locator('.timeline li', { hasText: 'Flew home to Tashkent' }).waitFor();
    await expectNoAxeViolations(page, 'case assistance');

    await page.goto(`${web.url}/legal`);
    const complaint = panel(page, 'file-complaint-heading');
    await complaint.locator('#field-agencyType').selectOption('TRAVEL_AGENCY');
    await complaint.locator('#field-agencyName').fill('Sunrise Tours LLP');
    await complaint.locator('button[type=submit]').click();
    await complaint.locator('p.success').waitFor();
    const row = page.locator('tr[data-complaint]', { hasText: 'Sunrise Tours LLP' });
    await row.locator('select').selectOption('LICENCE_REVOKED');
    await row.locator('button[type=submit]').click();
    await row.locator('td', { hasText: 'Licence revoked' }).waitFor();

    const proceedings = panel(page, 'open-proceeding-heading');
    await proceedings.locator('#field-articles').fill('128.3, 135');
    await proceedings.locator('#field-caseId').fill(caseId);
    await proceedings.locator('button[type=submit]').click();
    await proceedings.locator('p.success').waitFor();
    await page.locator('tr[data-proceeding]', { hasText: '128.3, 135' }).first().locator('a').click();
    await page.waitForURL(/\/legal\/proceedings\//);
    // Stages only move forward: back to the complaint is refused by rule, in words.
    await panel(page, 'advance-heading').locator('#field-stage').selectOption('COMPLAINT');
    await panel(page, 'advance-heading').locator('button[type=submit]').click();
    await panel(page, 'advance-heading').locator('p.error[role=alert]').waitFor();
    await panel(page, 'advance-heading').locator('#field-stage').selectOption('TRIAL');
    await panel(page, 'advance-heading').locator('button[type=submit]').click();
    await page.locator('.timeline li', { hasText: 'Moved to Trial' }).waitFor();
    await panel(page, 'verdict-heading').locator('#field-sentenceYears').fill('8');
    await panel(page, 'verdict-heading').locator('button[type=submit]').click();
    await page.locator('.timeline li', { hasText: 'Verdict: Conviction' }).waitFor();
    await expectNoAxeViolations(page, 'criminal proceedings');
    await page.screenshot({ path: path.join(screenshots, 'legal-proceedings-en.png'), fullPage: true });
    await context.close();

    await eventually(async () =>
      expect(moved(before, await nationalTotals())).toEqual({
        legal_consultations: 1,
        legal_assistance: 1,
        victims_repatriated: 1,
        agency_complaints: 1,
        agency_decisions: 1,
        criminal_proceedings_opened: 1,
        proceedings_advanced: 1,
        verdicts: 1,
      }),
    );
  });

  it('a psychologist sees notes; a lawyer and HQ never receive them, and no page of theirs asks for them', async () => {
    const caseId = await referredCase('PSYCHOLOGY');
    const before = await settledTotals();
    const { context, page } = await signedIn('psychologist.kz-79');
    await page.waitForURL(/\/psychology$/);
    const consultation = panel(page, 'psychology-consultation-heading');
    // Anonymous by default: the name cannot even be typed until the client agrees.
    expect(await consultation.locator('#field-clientName').isDisabled()).toBe(true);
    await consultation.locator('label', { hasText: 'Trauma' }).locator('input').check();
    await consultation.locator('#field-notes').fill('Sleeps badly since she came back');
    await consultation.locator('button[type=submit]').click();
    await consultation.locator('p.success').waitFor();
    await eventually(async () => {
      await page.reload();
      await page.locator(`tr[data-case="${caseId}"] a`).click({ timeout: 2_000 });
    });
    await panel(page, 'assess-heading').locator('#field-note').fill('Nightmares; fear of the employer');
    await panel(page, 'assess-heading').locator('button[type=submit]').click();
    await panel(page, 'session-heading').locator('#field-note').fill('Talked about her sister in Almaty');
    await panel(page, 'session-heading').locator('button[type=submit]').click();
    await page.locator('.timeline .note', { hasText: 'Talked about her sister' }).waitFor();
    expect(await page.locator('.timeline .note').allTextContents()).toEqual(['Nightmares; fear of the employer', 'Talked about her sister in Almaty']);
    await expectNoAxeViolations(page, 'rehabilitation plan');
    await page.screenshot({ path: path.join(screenshots, 'rehabilitation-plan-en.png'), fullPage: true });
    await context.close();

    for (const username of ['lawyer.kz-79', 'hq-analyst']) {
      const other = await signedIn(username);
      const requested: string[] = [];
      const bodies: string[] = [];
      other.page.on('response', (response) => {
        requested.push(response.url());
        if (response.url().includes('/api/'))
          void response.text().then(
            (text) => bodies.push(text),
            () => undefined,
          );
      });
      for (const route of username === 'hq-analyst' ? ['/figures', '/reports'] : ['/legal', `/legal/cases/${caseId}`]) {
        await other.page.goto(`${web.url}${route}`);
        await other.page.waitForLoadState('networkidle');
      }
      await other.page.goto(`${web.url}/psychology/plans/${caseId}`);
      await other.page.waitForLoadState('networkidle');
      expect(other.page.url()).not.toContain('/psychology');
      expect(requested.filter((url) => url.includes('/api/psychology'))).toEqual([]);
      expect(bodies.join('\n')).not.toMatch(/Nightmares|sister in Almaty|Sleeps badly/);
      expect((await fetch(`${platform.psychology.url}/rehabilitation-plans/${caseId}`, { headers: await platform.as(username) })).status).toBe(403);
      await other.context.close();
    }
    await eventually(async () => expect(moved(before, await nationalTotals())).toEqual({ psychological_consultations: 1, rehabilitation_sessions: 1 }));
  });

  it('an outreach coordinator enters a training as a sex × age grid, a raid whose victim becomes a case, materials, media and the volunteer club', async () => {
    const before = await settledTotals();
    const { context, page } = await signedIn('outreach-coordinator.kz-79');
    await page.waitForURL(/\/outreach$/);
    const training = panel(page, 'training-heading');
    await training.locator('#field-site').fill('School No. 12');
    await training.locator('[data-cell="FEMALE:AGE_13_17"]').fill('12');
    await training.locator('[data-cell="MALE:AGE_13_17"]').fill('9');
    await training.locator('[data-cell="FEMALE:AGE_18_24"]').fill('2');
    expect(await training.locator('[data-total="FEMALE"]').textContent()).toBe('14');
    expect(await training.locator('[data-total="all"]').textContent()).toBe('23');
    await training.locator('button[type=submit]').click();
    await training.locator('p.success').waitFor();

    const raid = panel(page, 'raid-heading');
    await raid.locator('#field-personsScreened').fill('14');
    await raid.locator('button', { hasText: 'Add a victim' }).click();
    await raid.locator('[id="field-victims.0.citizenship"]').fill('tj');
    await raid.locator('button[type=submit]').click();
    await raid.locator('p.success').waitFor();

    await panel(page, 'materials-heading').locator('#field-title').fill('Safe travel abroad');
    await panel(page, 'materials-heading').locator('#field-quantity').fill('300');
    await panel(page, 'materials-heading').locator('button[type=submit]').click();
    await panel(page, 'materials-heading').locator('p.success').waitFor();
    await panel(page, 'media-heading').locator('#field-outlet').fill('Otyrar TV');
    await panel(page, 'media-heading').locator('button[type=submit]').click();
    await panel(page, 'media-heading').locator('p.success').waitFor();
    await panel(page, 'volunteer-heading').locator('#field-volunteers').fill('7');
    await panel(page, 'volunteer-heading').locator('#field-activity').fill('Leaflets at the bus station');
    await panel(page, 'volunteer-heading').locator('button[type=submit]').click();
    await panel(page, 'volunteer-heading').locator('p.success').waitFor();
    // Partnership: a meeting of the Interdepartmental Commission, and a memorandum with the police.
    await panel(page, 'meeting-heading').locator('label', { hasText: 'Victim protection' }).locator('input').check();
    await panel(page, 'meeting-heading').locator('button[type=submit]').click();
    await panel(page, 'meeting-heading').locator('p.success').waitFor();
    await panel(page, 'agreement-heading').locator('#field-partyName').fill('Shymkent city police department');
    await panel(page, 'agreement-heading').locator('label', { hasText: 'Referral' }).locator('input').check();
    await panel(page, 'agreement-heading').locator('#field-expiresOn').fill('2028-12-31');
    await panel(page, 'agreement-heading').locator('button[type=submit]').click();
    await panel(page, 'agreement-heading').locator('p.success').waitFor();
    await page.locator('[data-activity="agreement"]', { hasText: 'Shymkent city police department' }).waitFor();
    await page.locator('[data-activity="training"]', { hasText: 'School No. 12' }).waitFor();
    await expectNoAxeViolations(page, 'outreach desk');
    await page.screenshot({ path: path.join(screenshots, 'outreach-desk-en.png'), fullPage: true });
    await context.close();

    await eventually(async () => {
      const change = moved(before, await nationalTotals());
      expect(change).toMatchObject({
        trainings_held: 1,
        training_participants: 23,
        materials_distributed: 300,
        media_outputs: 1,
        volunteer_sessions: 1,
        joint_raids: 1,
        persons_screened: 14,
        coordination_meetings: 1,
        agreements_signed: 1,
      });
      // The raid's victim became an intake case, identified in the joint raid.
      expect(change).toMatchObject({ cases_opened: 1, victims_identified: 1 });
    });
  });

  it('a social worker admits referred victims; a full shelter refuses naming the shelters with beds; discharge frees the bed; the address stays with the regional manager', async () => {
    const manager = await signedIn('regional-manager.kz-79');
    await manager.page.goto(`${web.url}/shelter`);
    const open = panel(manager.page, 'open-shelter-heading');
    await open.locator('#field-name').fill('Umit house');
    await open.locator('#field-capacity').fill('1');
    await open.locator('label', { hasText: 'Donor grant' }).locator('input').check();
    await open.locator('#field-address').fill('Kunaev street 8, flat 3');
    await open.locator('button[type=submit]').click();
    await open.locator('p.success').waitFor();
    await manager.page.locator('tr[data-shelter]', { hasText: 'Kunaev street 8' }).waitFor();
    await manager.context.close();
    expect(
      (await postJson(`${platform.social.url}/shelters`, { region: 'KZ-79', name: 'Senim house', capacity: 3, address: 'Abay avenue 2' }, await platform.as('regional-manager.kz-79'))).status,
    ).toBe(201);
    const first = await referredCase('SHELTER');
    const second = await referredCase('SHELTER');
    // The first victim also works with a psychologist: the shelter's therapy joins her rehabilitation plan.
    expect((await postJson(`${platform.intake.url}/cases/${first}/referrals`, { destination: 'PSYCHOLOGY' }, await platform.as('hotline-operator.kz-79'))).status).toBe(201);
    await eventually(
      async () => expect((await getJson<{ rehabilitationPlan: unknown }>(`${platform.social.url}/stays/${first}`, await platform.as('social-worker.kz-79'))).rehabilitationPlan).not.toBeNull(),
      { timeoutMs: 30_000 },
    );
    const before = await settledTotals();

    const { context, page } = await signedIn('social-worker.kz-79');
    await page.waitForURL(/\/shelter$/);
    const bodies: string[] = [];
    page.on(
      'response',
      (response) =>
        void response.text().then(
          (text) => bodies.push(text),
          () => undefined,
        ),
    );
    const row = (caseId: string) => page.locator(`tr[data-waiting="${caseId}"]`);
    await row(first).locator('select').selectOption({ label: 'Umit house (1)' });
    await row(first).locator('button[type=submit]').click();
    await page.locator(`tr[data-resident="${first}"]`).waitFor();
    await row(second).locator('select').selectOption({ label: 'Umit house (0)' });
    await row(second).locator('button[type=submit]').click();
    const refusal = row(second).locator('p.error[role=alert]');
    await refusal.waitFor();
    // Other shelters of the region (other tests' too) may be listed as well: most free beds first.
    expect(await refusal.textContent()).toMatch(/^Umit house has no free bed \(capacity 1\); beds are free at .*Senim house \(3 free\)/);
    await row(second).locator('select').selectOption({ label: 'Senim house (3)' });
    await row(second).locator('button[type=submit]').click();
    await page.locator(`tr[data-resident="${second}"]`).waitFor();
    await expectNoAxeViolations(page, 'shelter desk');
    await page.screenshot({ path: path.join(screenshots, 'shelter-desk-en.png'), fullPage: true });

    await page.locator(`tr[data-resident="${first}"] a`).click();
    await page.waitForURL(new RegExp(`/shelter/stays/${first}$`));
    await panel(page, 'assist-heading').locator('#field-kind').selectOption('MEDICAL_CARE');
    await panel(page, 'assist-heading').locator('#field-details').fill('Dentist; antibiotics for a week');
    await panel(page, 'assist-heading').locator('button[type=submit]').click();
    await page.locator('.timeline .note', { hasText: 'antibiotics' }).waitFor();
    const therapy = panel(page, 'therapy-heading');
    await therapy.locator('p.hint').waitFor();
    await therapy.locator('#field-therapy').selectOption('INDIVIDUAL');
    await therapy.locator('button[type=submit]').click();
    await therapy.locator('#field-therapy-error', { hasText: 'the psychologist records one-to-one sessions in it' }).waitFor();
    await therapy.locator('#field-therapy').selectOption('ART');
    await therapy.locator('button[type=submit]').click();
    await page.locator('.timeline li', { hasText: 'Therapy: Art therapy' }).filter({ hasText: 'part of the rehabilitation plan' }).waitFor();
    await panel(page, 'discharge-heading').locator('#field-aftercareUntil').fill('2099-12-31');
    await panel(page, 'discharge-heading').locator('#field-notes').fill('Back with her mother in Kentau');
    await panel(page, 'discharge-heading').locator('button[type=submit]').click();
    for (const note of ['First call: settled in', 'Second call: found work']) {
      await panel(page, 'follow-up-heading').locator('#field-note').fill(note);
      await panel(page, 'follow-up-heading').locator('button[type=submit]').click();
      await page.locator('.timeline .note', { hasText: note }).waitFor();
    }
    await expectNoAxeViolations(page, 'stay');
    await page.screenshot({ path: path.join(screenshots, 'shelter-stay-en.png'), fullPage: true });
    await page.goto(`${web.url}/shelter`);
    // Discharge freed the bed.
    await page.locator('tr[data-shelter]', { hasText: 'Umit house' }).locator('td', { hasText: '0 / 1' }).waitFor();
    await page.locator(`tr[data-aftercare="${first}"]`).waitFor();
    await page.waitForLoadState('networkidle');
    expect(bodies.join('\n')).not.toMatch(/Kunaev street|Abay avenue/);
    await context.close();

    await eventually(async () =>
      expect(moved(before, await nationalTotals())).toEqual({
        victims_sheltered: 2,
        shelter_residents: 1,
        basic_assistance: 1,
        shelter_therapy_sessions: 1,
        shelter_exits: 1,
        aftercare_contacts: 2,
      }),
    );
  });

  it('the regional manager assigns a staff account to a shelter on the desk; its staff then see that shelter alone, its address included, and admit to it', async () => {
    const aral = await postJson(`${platform.social.url}/shelters`, { region: 'KZ-79', name: 'Aral house', capacity: 2, address: 'Tole bi street 40' }, await platform.as('regional-manager.kz-79'));
    expect(aral.status).toBe(201);
    // Whatever earlier tests assigned, the account starts on no shelter.
    for (const assigned of [true, false]) {
      await postJson(`${platform.social.url}/shelters/${aral.body['id'] as string}/staff`, { account: 'shelter-staff.kz-79', assigned }, await platform.as('regional-manager.kz-79'));
    }
    const staff = await signedIn('shelter-staff.kz-79');
    await staff.page.waitForURL(/\/shelter$/);
    const notice = staff.page.locator('p[data-unassigned]');
    await notice.waitFor();
    const account = (await notice.textContent())!.match(/account (\S+) is not assigned/)![1]!;
    expect(account).toBe('shelter-staff.kz-79');

    const manager = await signedIn('regional-manager.kz-79');
    await manager.page.goto(`${web.url}/shelter`);
    const form = panel(manager.page, 'shelter-staff-heading');
    await form.locator('#field-shelterId').selectOption({ label: 'Aral house' });
    await form.locator('#field-account').fill(account);
    await form.locator('button[type=submit]').click();
    await form.locator('p.success').waitFor();
    await manager.page.locator('tr[data-shelter]', { hasText: 'Aral house' }).locator('td', { hasText: account }).waitFor();
    await expectNoAxeViolations(manager.page, 'shelter desk with staff');
    await manager.context.close();

    const caseId = await referredCase('SHELTER');
    await staff.page.reload();
    await staff.page.locator('tr[data-shelter]', { hasText: 'Tole bi street 40' }).waitFor();
    expect(await staff.page.locator('tr[data-shelter]').count()).toBe(1);
    expect(await staff.page.locator('p[data-unassigned]').count()).toBe(0);
    const waiting = staff.page.locator(`tr[data-waiting="${caseId}"]`);
    await eventually(async () => {
      await staff.page.reload();
      await waiting.waitFor({ timeout: 2_000 });
    });
    await waiting.locator('button[type=submit]').click();
    await staff.page.locator(`tr[data-resident="${caseId}"]`, { hasText: 'Aral house' }).waitFor();
    await expectNoAxeViolations(staff.page, 'shelter staff desk');
    await staff.page.screenshot({ path: path.join(screenshots, 'shelter-staff-desk-en.png'), fullPage: true });
    await staff.context.close();
  });

  it("HQ names a donor's grant period and drafts a report on exactly its days, reviewed beside as many days before", async () => {
    const { context, page } = await signedIn('hq-analyst');
    await page.goto(`${web.url}/reports`);
    const name = `EU grant ${randomUUID().slice(0, 6)}`;
    const define = panel(page, 'define-grant-heading');
    await define.locator('#field-name').fill(name);
    await define.locator('#field-donor').fill('European Union');
    await define.locator('#field-start').fill('2012-03-16');
    await define.locator('#field-end').fill('2012-04-16');
    await define.locator('button[type=submit]').click();
    await page.locator('tr[data-grant-period]', { hasText: name }).waitFor();
    const draft = panel(page, 'draft-report-heading');
    await draft.locator('#field-scope').selectOption('KZ-79');
    await draft.locator('#field-periodKind').selectOption('RANGE');
    await draft.locator('#field-grantPeriod').selectOption({ label: `${name} (European Union)` });
    expect([await draft.locator('#field-period').inputValue(), await draft.locator('#field-periodEnd').inputValue()]).toEqual(['2012-03-16', '2012-04-16']);
    await expectNoAxeViolations(page, 'reports with a grant period');
    await draft.locator('button[type=submit]').click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.locator('h1', { hasText: '2012-03-16..2012-04-16' }).waitFor();
    // 32 days, so the 32 days before: 13 February (2012 is a leap year) to 15 March.
    await page.locator('#review-heading', { hasText: '2012-02-13..2012-03-15' }).waitFor();
    await context.close();
  });

  it('the national quarterly report drafted in the reports page shows exactly the counts of what the workspaces entered', async () => {
    await settledTotals();
    // Today's quarter in Kazakhstan's time, as the views count days.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const view = await getJson<Figures>(`${platform.projection.url}/views/national?quarter=${quarter}`, await platform.as('hq-analyst'));
    const { context, page } = await signedIn('hq-analyst');
    await page.goto(`${web.url}/reports`);
    const draft = panel(page, 'draft-report-heading');
    await draft.locator('#field-scope').selectOption('KZ');
    await draft.locator('#field-periodKind').selectOption('QUARTER');
    await draft.locator('#field-period').fill(quarter);
    await draft.locator('button[type=submit]').click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.locator('tr[data-indicator] td').first().waitFor();
    const shown = Object.fromEntries(
      await page.locator('tr[data-indicator]').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-indicator')!, Number(row.querySelector('td')!.textContent!.replace(/\D/g, ''))])),
    );
    expect(shown).toEqual(Object.fromEntries(Object.entries(view.metrics).map(([code, metric]) => [code, metric.total])));
    // Every kind of fact the workspaces above entered is in it.
    for (const code of [
      'hotline_calls',
      'legal_consultations',
      'verdicts',
      'psychological_consultations',
      'trainings_held',
      'joint_raids',
      'victims_sheltered',
      'shelter_exits',
      'aftercare_contacts',
    ]) {
      expect({ code, counted: shown[code]! > 0 }).toEqual({ code, counted: true });
    }
    await context.close();
  });

  it('the HQ dashboard updates by itself within 2 s of a call logged elsewhere, and shows the year by pillar, region and month', async () => {
    const { context, page } = await signedIn('hq-analyst');
    await page.waitForURL(/\/figures$/);
    const calls = page.locator('tr[data-indicator=hotline_calls] td');
    await calls.waitFor();
    await page.locator('tr[data-matrix-indicator=hotline_calls] td[data-region="KZ-79"]').waitFor();
    const shown = async () => Number((await calls.textContent())!.replace(/\D/g, ''));
    const first = await shown();
    const logged = await postJson(`${platform.intake.url}/hotline-calls`, aCall(), await platform.as('hotline-operator.kz-79'));
    expect(logged.status).toBe(201);
    const started = Date.now();
    await eventually(async () => expect(await shown()).toBe(first + 1), { timeoutMs: 2_000, intervalMs: 50 });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(2);
    await page.locator('[data-freshness]').waitFor();
    await expectNoAxeViolations(page, 'national dashboard');
    await page.screenshot({ path: path.join(screenshots, 'national-dashboard-en.png'), fullPage: true });
    await context.close();
  });

  it('an outreach coordinator uploads two years of media outputs from Excel: a bad row refuses the file and is named; then the valid rows are imported once, with a progress bar', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('media');
    // Russian headers on an English page: any of the three languages is read. Kinds as codes or as names.
    sheet.addRow(['Регион', 'Дата публикации', 'Вид', 'СМИ']);
    for (let i = 0; i < 2500; i++)
      sheet.addRow(['KZ-79', new Date(Date.UTC(2004 + (i % 2), i % 12, 1 + (i % 28), 10, 0)), i === 999 ? 'Carrier pigeon' : i % 2 ? 'RADIO' : 'Television', `Outlet ${i}`]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qorgau-web-import-')), 'media.xlsx');
    await book.xlsx.writeFile(file);
    const mediaOutputs = async () =>
      (await getJson<Figures>(`${platform.projection.url}/views/regions/KZ-79?start=2004-01-01&end=2005-12-31`, await platform.as('hq-analyst'))).metrics['media_outputs']?.total ?? 0;
    const before = await mediaOutputs();

    const { context, page } = await signedIn('outreach-coordinator.kz-79');
    await page.locator('nav a', { hasText: 'Import' }).click();
    await page.locator('#import-heading').waitFor();
    await page.locator('#field-kind').selectOption('media');
    await page.locator('#field-file').setInputFiles(file);
    // Every value the progress bar shows, however quickly it moves.
    // (A script as text: this project's types know no DOM.)
    await page.evaluate(`{
      const seen = (window.progressSeen = []);
      new MutationObserver(() => {
        const bar = document.querySelector('#import-progress');
        if (bar) seen.push(bar.getAttribute('value') + '/' + bar.getAttribute('max'));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }`);
    await page.locator('button[type=submit]').click();
    const alert = page.locator('form .error-summary');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Rows that cannot be imported: 1 of 2,500. Nothing was stored.');
    // The 1000th row under the header: row 1001 of the sheet, named by its column in the reader's language.
    const problem = page.locator('section[aria-labelledby="problems-heading"] tbody tr');
    expect(await problem.locator('td').allTextContents()).toEqual(['1001', 'Kind', expect.stringContaining('Invalid option')]);
    await expectNoAxeViolations(page, 'import refused');
    await page.screenshot({ path: path.join(screenshots, 'import-refused-en.png'), fullPage: true });
    expect(await mediaOutputs()).toBe(before);

    await page.locator('#field-validOnly').check();
    await page.locator('button[type=submit]').click();
    await page.locator('form p.success').waitFor({ timeout: 60_000 });
    expect(await page.locator('form p.success').textContent()).toBe('Imported: 2,499. Already there from an earlier import: 0. Left out: 1.');
    const seen = await page.evaluate<string[]>('window.progressSeen');
    // Checked in chunks of 1,000, then the 2,499 valid rows stored in chunks (a bar's last step gives way to the next at once).
    expect(seen).toEqual(expect.arrayContaining(['0/2500', '1000/2500', '2000/2500', '1000/2499', '2000/2499']));
    await eventually(async () => expect(await mediaOutputs()).toBe(before + 2499), { timeoutMs: 60_000 });

    // The same file again stores nothing twice.
    await page.locator('button[type=submit]').click();
    await page.locator('form p.success', { hasText: 'Imported: 0.' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('form p.success').textContent()).toBe('Imported: 0. Already there from an earlier import: 2,499. Left out: 1.');
    await context.close();
    expect(await mediaOutputs()).toBe(before + 2499);

    // Each role is offered the kinds it records, and HQ is not offered the page at all.
    const lawyer = await signedIn('lawyer.kz-79');
    await lawyer.page.goto(`${web.url}/import`);
    await lawyer.page.locator('#import-heading').waitFor();
    expect(await lawyer.page.locator('#field-kind option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value))).toEqual(['legal-consultations']);
    await lawyer.context.close();
    const analyst = await signedIn('hq-analyst');
    await analyst.page.goto(`${web.url}/import`);
    await analyst.page.waitForURL(/\/figures$/);
    expect(await analyst.page.locator('nav a', { hasText: 'Import' }).count()).toBe(0);
    await analyst.context.close();
  }, 180_000);

  it('a regional manager erases a victim’s personal data from the case page: gone everywhere, the national figures unchanged', async () => {
    const caseId = await referredCase('LEGAL');
    await postJson(`${platform.legal.url}/case-assistance/${caseId}/actions`, { kind: 'DOCUMENTS_RESTORED', note: 'New passport from the consulate' }, await platform.as('lawyer.kz-79'));
    const before = await settledTotals();
    const { context, page } = await signedIn('regional-manager.kz-79');
    await page.goto(`${web.url}/cases/${caseId}`);
    const erasure = panel(page, 'erasure-heading');
    await erasure.locator('button', { hasText: 'Erase…' }).click();
    await expectNoAxeViolations(page, 'erasure confirmation');
    await page.screenshot({ path: path.join(screenshots, 'erasure-confirmation-en.png'), fullPage: true });
    await erasure.locator('button.danger').click();
    await erasure.locator('p[role=status]', { hasText: 'erased' }).waitFor();
    await context.close();
    const theCase = await getJson<{ subjectName: string | null; personalDataErased: boolean }>(`${platform.intake.url}/cases/${caseId}`, await platform.as('regional-manager.kz-79'));
    expect(theCase).toMatchObject({ subjectName: null, personalDataErased: true });
    await eventually(async () => {
      const assistance = await getJson<{ actions: { note: string | null }[] }>(`${platform.legal.url}/case-assistance/${caseId}`, await platform.as('lawyer.kz-79'));
      expect(assistance.actions.map((a) => a.note)).toEqual([null]);
    });
    expect(moved(before, await settledTotals())).toEqual({});
  });
});

/** A call at the hotline of Shymkent, as the desk sends it. */
const aCall = () => ({ region: 'KZ-79', channel: 'VOICE_CALL', callerCategory: 'PREPARING_TO_TRAVEL_ABROAD', callerSex: 'FEMALE' });
