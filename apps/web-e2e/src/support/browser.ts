import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { BASE_URL_ENV, chromiumPath, DEMO_PASSWORD, runScreenshotsDir, screenshotsDir } from './paths';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: run through apps/web-e2e/jest.config.js (its global setup starts the server)`);
  return url;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS });
}

/** The two sizes issue #13 checks every page at: a desk screen and a phone. */
export const DESK = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A fresh profile (no token, no language choice), by default at the size of a typical office PC screen. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    // A phone-sized page is a touch screen. Not `isMobile`: a mobile viewport zooms out to fit a page that is too
    // wide, so innerWidth would grow with the overflow and the sideways-scroll check could never fail.
    hasTouch: viewport.width < 768,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app turns antd's animations off for this; a closing dialog's fade then cannot stall a click.
    reducedMotion: 'reduce',
    baseURL: baseUrl(),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // the 2-core CI box may be busy with other suites
  return { context, page };
}

/** Submits the login form; resolves with the HTTP status of the login call once the answer is back. */
export async function fillLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<number> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
  return res.status();
}

/** Logs in and waits for the app shell to show the user. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await fillLogin(page, username, password);
  await page.getByTestId('header-display-name').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.locator('#username').waitFor();
}

/**
 * Every run saves its screenshots under dist/ for a look; the small committed set for the staff guide
 * (apps/web-e2e/screenshots) is only rewritten with UPDATE_SCREENSHOTS=1 (or when one is missing),
 * so a test run does not leave modified binaries in everyone's working tree.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot();
  fs.mkdirSync(runScreenshotsDir, { recursive: true });
  fs.writeFileSync(path.join(runScreenshotsDir, `${name}.png`), png);
  const committed = path.join(screenshotsDir, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !fs.existsSync(committed)) {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    fs.writeFileSync(committed, png);
  }
}

/** Waits until one of the elements shows the text (the UI updates after the API answers), then asserts it. */
export async function expectText(locator: Locator, text: string): Promise<void> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor();
  expect(await match.textContent()).toContain(text);
}

/**
 * Ticks an antd checkbox. Playwright's `check()` reads the box right after its click and fails if it has not
 * turned yet; an antd box in a Form turns once the form's store has re-rendered it, which is sometimes later
 * (seen as "Clicking the checkbox did not change its state" about one run in two). Click once, then wait for it.
 */
export async function tick(box: Locator): Promise<void> {
  if (await box.isChecked()) return;
  await box.click();
  const deadline = Date.now() + 5_000;
  while (!(await box.isChecked())) {
    if (Date.now() > deadline) throw new Error('the checkbox did not turn on within 5 s of its click');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The page scrolls only up and down once it has settled at its width: a resize re-lays antd's grid and dmn-js's
 * table over a few frames, so a single read right after setViewportSize can see the old widths (seen in CI).
 * Polls for up to 5 s; on failure names the widest elements that stick out, so the message says what to fix.
 */
export async function expectFitsWidth(page: Page): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const over = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    if (over <= 0) return;
    if (Date.now() > deadline) {
      const culprits = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`),
      );
      throw new Error(`the page is ${over}px wider than the window (${culprits.join('; ')})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
