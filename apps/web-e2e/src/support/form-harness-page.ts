import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { FieldPermissions, FormDefinition } from '@kcbx/forms';
import { baseUrl, newPage } from './browser';
import { serveHarness } from './harness';

/** What the harness page mounts (see apps/web-e2e/harness/src/main.tsx). */
export interface MountConfig {
  definition: FormDefinition;
  data?: Record<string, unknown>;
  permissions?: FieldPermissions;
  mode?: 'edit' | 'review' | 'print';
  locale?: 'zh-CN' | 'en';
  token?: string;
}

type HarnessWindow = Window & { __mount?: (c: MountConfig) => void };

/** A fresh page on the renderer harness, served under the API server's origin. */
export async function harnessPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser);
  await serveHarness(context, baseUrl());
  await page.goto('/form-harness/index.html');
  await page.waitForFunction(() => typeof (window as HarnessWindow).__mount === 'function');
  return { context, page };
}

export async function mount(page: Page, config: MountConfig): Promise<void> {
  await page.evaluate((c) => (window as HarnessWindow).__mount!(c), config);
  await page.locator('.kcbx-form, .kcbx-print').first().waitFor();
}

/** The frame of one field (label, widget, message), by its react-hook-form name. */
export const field = (page: Page, name: string): Locator => page.locator(`.kcbx-field[data-field="${name}"]`);
export const input = (page: Page, name: string): Locator => page.locator(`[id="${name}"]`);
export const messageOf = (page: Page, name: string): Locator => field(page, name).locator('.kcbx-field-message');

/** Submits and returns what onSubmit received (waits for it: the resolver runs first). */
export async function submit(page: Page): Promise<Record<string, unknown>> {
  await page.getByRole('button', { name: '提交' }).click();
  const out = page.getByTestId('submitted');
  await out.waitFor();
  return JSON.parse((await out.textContent()) ?? '{}');
}

/** Picks an option of an antd Select by its label (the dropdown is rendered at the end of <body>). */
export async function choose(page: Page, name: string, label: string): Promise<void> {
  await field(page, name).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Types a date into an antd DatePicker and confirms it. */
export async function typeDate(target: Locator, date: string): Promise<void> {
  await target.click();
  await target.fill(date);
  await target.press('Enter');
}

/** A 1×1 PNG: the API judges type by magic bytes, so the upload must be a real image. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
