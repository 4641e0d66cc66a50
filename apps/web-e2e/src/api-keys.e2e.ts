import type { Browser } from 'playwright-core';
import { PHONE, expectFitsWidth, expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { baseUrl } from './support/browser';

/**
 * 外部程序密钥 (#18): on a phone, the county administrator makes a key for a program, sees it once, and revokes it; the
 * key works for the external-task routes until then and is refused at once after. A name is required, at the field.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fetchWith = (key: string) =>
  fetch(`${baseUrl()}/api/external-tasks/fetch-and-lock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ workerId: 'e2e', maxTasks: 1, topics: [{ topicName: 'xueji-verify', lockDuration: 60000 }] }),
  });

describe('API keys for programs (系统管理 → 外部程序密钥)', () => {
  it('the administrator makes a key on a phone, sees it once, and revokes it', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(PHONE);
    await logIn(page, 'admin');
    await page.goto('/admin/api-keys');
    await page.getByTestId('api-key-new').click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expectText(page.locator('.ant-form-item-explain-error'), '请填写密钥名称');
    await page.getByTestId('api-key-name').fill('学籍系统核验程序（测试）');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const secret = page.getByTestId('api-key-secret');
    await secret.waitFor();
    const key = await secret.inputValue();
    expect(key).toMatch(/^kcbx_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'api-key-created-phone');
    expect((await fetchWith(key)).status).toBe(200);
    await page.keyboard.press('Escape');
    const row = page.getByTestId('api-keys-table').locator('tr', { hasText: '学籍系统核验程序（测试）' });
    await expectText(row, key.slice(0, 13));
    await expectFitsWidth(page);
    await row.getByRole('button', { name: '吊销' }).click();
    await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await expectText(row, '已吊销');
    expect((await fetchWith(key)).status).toBe(401);
    await screenshot(page, 'api-keys-phone');
    await context.close();
  });
});
