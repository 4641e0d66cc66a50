import type { Locator, Page } from 'playwright-core';
import { expectText } from './browser';

/** Steps in the form builder (/design/forms) shared by its browser tests. */

export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * A real mouse drag (dnd-kit pointer events) from a palette item or canvas element to a drop gap: press, move
 * past the 5 px activation distance, then to the gap (which widens once dragging starts).
 * `fromTop`: scroll back up first, as a designer does after a long property panel (the rule editor is at its
 * end) scrolled the page, and pass through the middle of the window, out of the band along its edge where
 * dnd-kit scrolls the page under a resting pointer, so the gap stays where it is measured.
 */
export async function drag(page: Page, source: Locator, gapTestId: string, options: { fromTop?: boolean } = {}): Promise<void> {
  if (options.fromTop) {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('main, .ant-layout-content').forEach((e) => (e.scrollTop = 0));
    });
  }
  const from = await center(source);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 4 });
  if (options.fromTop) await page.mouse.move(from.x + 40, page.viewportSize()!.height / 2, { steps: 4 });
  const gap = page.getByTestId(gapTestId);
  await gap.waitFor();
  const to = await center(gap);
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x + 1, to.y, { steps: 2 });
  await page.mouse.up();
}

/** 发布新版本, then 发布 in the confirmation it asks first (a published version can never change). */
export async function publish(page: Page): Promise<void> {
  await page.getByTestId('builder-publish').click();
  await page.getByTestId('builder-publish-confirm').click();
}

/** On the forms list: a new form with this key and title, open in the builder as an unsaved draft. */
export async function createForm(page: Page, key: string, titleZh: string, titleEn: string): Promise<void> {
  await page.getByTestId('form-new').click();
  await page.getByTestId('new-form-key').fill(key);
  await page.getByTestId('new-form-title-zh').fill(titleZh);
  await page.getByTestId('new-form-title-en').fill(titleEn);
  await page.getByTestId('new-form-create').click();
  await expectText(page.getByTestId('builder-status'), '新表单');
}
