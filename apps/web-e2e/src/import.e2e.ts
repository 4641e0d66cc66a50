import type { Browser } from 'playwright-core';
import { expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Row 1 is the header, as in the spreadsheet the office prepared: the bad row is row 3.
const CSV = [
  '用户名,姓名,手机,角色,单位代码,初始密码',
  'e2e-import-1,导入老师甲,13900000001,class-teacher,64042210001,Xiji-daoru-2026',
  'e2e-import-2,导入老师乙,13900000002,no-such-role,64042210001,Xiji-daoru-2026',
].join('\n');

describe('bulk import', () => {
  it('admin previews a users CSV, sees the bad row with its problem, and imports the good one', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'admin');
    await page.goto('/admin/imports');
    await page.getByTestId('import-what').getByText('用户').click();
    await page.locator('input[type=file]').setInputFiles({ name: '用户导入.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await page.getByTestId('import-preview').click();

    const report = page.getByTestId('import-report');
    await expectText(report, '共 2 行，可导入 1 行，有问题 1 行');
    const errors = page.getByTestId('import-errors').locator('tbody tr');
    expect(await errors.count()).toBe(1);
    expect(await errors.first().locator('td').first().textContent()).toBe('3');
    await expectText(errors.first(), 'no-such-role');
    await screenshot(page, 'admin-import-preview');

    // The dry run wrote nothing; the commit imports the good row only.
    await page.getByTestId('import-commit').click();
    await expectText(report, '导入完成：已导入 1 行，跳过 1 行');
    await page.goto('/admin/users');
    await page.getByPlaceholder('用户名、姓名或手机号').fill('e2e-import');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/admin/users?') && r.url().includes('q=e2e-import')),
      page.getByPlaceholder('用户名、姓名或手机号').press('Enter'),
    ]);
    const rows = page.getByTestId('users-table').locator('tbody tr.ant-table-row');
    await expectText(rows, 'e2e-import-1');
    await rows.nth(1).waitFor({ state: 'detached' }); // only the imported user matches, not 'e2e-import-2'
    expect(await rows.count()).toBe(1);
    await context.close();
  });
});
