import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, logIn, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The Xiji package (forms/ and workflows/), deployed as the policy designer would. */
async function deployXiji() {
  const resources = ['forms', 'workflows'].flatMap((dir) =>
    fs
      .readdirSync(path.join(repoRoot, dir))
      .filter((f) => f.endsWith('.form.json') || f.endsWith('.bpmn'))
      .map((name) => ({ name, content: fs.readFileSync(path.join(repoRoot, dir, name), 'utf8') })),
  );
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
}

describe('a class teacher on a phone reports a missing child (issue #16)', () => {
  it('from the student list at 390 px: the child goes on the 疑似辍学台账 and persuasion starts, visible in the file', async () => {
    await deployXiji();
    const teacher = await tokenOf('teacher');
    const list = await call('GET', '/api/students?orgUnit=64042210001&status=enrolled&pageSize=5', teacher);
    const child = list.items[list.items.length - 1] as { id: string; name: string };

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
      baseURL: baseUrl(),
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await logIn(page, 'teacher');
    await page.goto('/students');
    const search = page.getByPlaceholder('姓名、身份证号或学籍号');
    await search.fill(child.name);
    await search.press('Enter');

    // the row's button, reachable on the phone without scrolling sideways (the column is pinned right)
    const button = page.getByTestId(`report-missing-${child.id}`);
    await button.waitFor();
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await button.click();

    const dialog = page.getByTestId('report-missing-dialog');
    await dialog.getByText(`报告失学：${child.name}`).waitFor();
    // refused at the field when empty
    await dialog.getByRole('button', { name: '提交报告' }).click();
    await dialog.getByText('请填写原因').waitFor();
    await dialog.getByTestId('report-reason').locator('input').fill('连续缺课');
    const since = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByTestId('report-since').fill(since);
    const dialogBox = (await dialog.locator('.ant-modal-content').boundingBox())!;
    expect(dialogBox.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'report-missing-phone');
    await dialog.getByRole('button', { name: '提交报告' }).click();
    await page.getByText(`${child.name} 已列入疑似辍学台账，劝返复学已发起`).waitFor();

    // on the ledger, in progress, with its case
    const ledger = await call('GET', '/api/ledgers/suspected-dropout?orgUnit=64042210001&pageSize=500', await tokenOf('basic-edu'));
    const entry = (ledger.items as { studentId: string; status: string; caseId: string; reason: string }[]).find(
      (e) => e.studentId === child.id,
    );
    expect(entry).toMatchObject({ status: 'in-progress', reason: '连续缺课' });

    // and the case in the child's file, as the teacher opens it from the list
    await page.getByTestId('students-table').getByText(child.name).first().click();
    await page.getByText('劝返复学').first().waitFor();
    await context.close();
  });
});
