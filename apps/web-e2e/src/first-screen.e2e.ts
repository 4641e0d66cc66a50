import type { Browser, Response } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const KIB = 1024;

describe('the first screen on a phone', () => {
  it('the login page transfers under 200 KiB: scripts and styles compressed, hashed files immutable, index.html revalidated', async () => {
    const { context, page } = await newPage(browser);
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto('/login', { waitUntil: 'networkidle' });
    await page.locator('#username').waitFor();

    // What crossed the wire (compressed bodies and headers), as Chromium counted it.
    let transferred = 0;
    for (const r of responses) {
      const sizes = await r.request().sizes();
      transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    expect(transferred).toBeLessThan(200 * KIB);

    const assets = responses.filter((r) => /\/assets\/.+\.(js|css)$/.test(r.url()));
    expect(assets.length).toBeGreaterThan(0);
    for (const r of assets) {
      const headers = await r.allHeaders();
      // Chromium asks for br only over https; over this test's plain http it gets the gzip copy.
      if ((await r.body()).length > 1024) expect(headers['content-encoding']).toMatch(/^(br|gzip)$/);
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const html = responses.find((r) => r.url().endsWith('/login'));
    expect(await html?.headerValue('cache-control')).toBe('no-cache');

    // The login page does not load the signed-in app (shell, home page, forms, diagrams).
    const names = responses.map((r) => r.url());
    expect(names.filter((u) => /AppShell|HomePage|InboxPage|ModelerPage|DashboardPage/.test(u))).toEqual([]);
    await context.close();
  });
});
