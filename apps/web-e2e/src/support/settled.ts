import type { Page } from 'playwright-core';

/**
 * The page as a person would judge it: its requests answered (no network for half a second) and no antd spinner
 * still turning. For checks over whole pages (axe, screenshots) where no single element says "loaded".
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
