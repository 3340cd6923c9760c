import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot, ServiceProcess } from '@qorgau/testing';
import { LOCAL_PASSWORD, type testPlatform } from './platform';

export type Language = 'kk' | 'ru' | 'en';

/**
 * The web application in front of a test platform, and Debian's Chromium to open it: what the
 * browser tests and the page benchmark share. Call before platform.start(): the provider must know
 * the web origin.
 */
export function webPlatform(platform: ReturnType<typeof testPlatform>, port: number) {
  platform.identity.setEnv({ WEB_ORIGINS: `http://127.0.0.1:${port}` });
  const urls = platform.urls();
  const web = new ServiceProcess(
    'web',
    port,
    {
      OIDC_AUTHORITY: platform.issuer,
      INTAKE_URL: urls.intake,
      PROJECTION_URL: urls.projection,
      LEGAL_URL: urls.legal,
      PSYCHOLOGY_URL: urls.psychology,
      SOCIAL_URL: urls.social,
      OUTREACH_URL: urls.outreach,
      STATISTICS_URL: urls.statistics,
      WEB_ROOT: path.join(repoRoot, 'dist/apps/web/client'),
    },
    path.join(repoRoot, 'dist/apps/web/server/main.js'),
  );
  let browser: Browser | null = null;

  return {
    web,
    get browser(): Browser {
      if (!browser) throw new Error('start() first');
      return browser;
    },
    async start() {
      await web.start();
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        // Root needs --no-sandbox; the rest keeps Chromium from calling out of this closed network.
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    },
    async stop() {
      await browser?.close();
      await web.stop();
    },
    /** A fresh browser profile signed in through the provider's page as a seeded user. */
    async signedIn(username: string, language: Language = 'en'): Promise<{ context: BrowserContext; page: Page }> {
      const context = await this.browser.newContext({ locale: language, timezoneId: 'Asia/Almaty' });
      await context.addInitScript((lang) => localStorage.setItem('qorgau.language', lang), language);
      const page = await context.newPage();
      await page.goto(web.url);
      await page.locator('main.sign-in button').click();
      await page.waitForURL(/\/interaction\//);
      await page.fill('#username', username);
      await page.fill('#password', LOCAL_PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => url.origin === web.url && !url.pathname.startsWith('/auth'));
      await page.locator('header.top-bar').waitFor();
      return { context, page };
    },
  };
}

function chromiumPath(): string {
  for (const candidate of [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return execFileSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}
