import type { Browser } from 'playwright-core';
import { PHONE, expectFitsWidth, expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';

/**
 * 历史数据清理 (#18): on a phone, the county administrator opens 系统管理 → 历史数据清理 and sees the retention period
 * and the day's cleanup run (the server's job worker runs it at start), without the page scrolling sideways.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('history retention (系统管理 → 历史数据清理)', () => {
  it("the administrator sees the period and today's cleanup on a phone", async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(PHONE);
    await logIn(page, 'admin');
    await page.goto('/admin/retention');
    await expectText(page.getByTestId('retention-period'), 'P3Y');
    const today = new Date().toISOString().slice(0, 10);
    const row = page.getByTestId('retention-runs').locator('tr', { hasText: today });
    await expectText(row, '完成');
    await expectFitsWidth(page);
    await screenshot(page, 'retention-phone');
    await context.close();
  });
});
