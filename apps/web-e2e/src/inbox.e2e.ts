import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { expectText, launchBrowser, logIn, logOut, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('inbox', () => {
  it('a class teacher sees the step waiting at their school, claims it, and the principal sees nothing yet', async () => {
    const fixtures = path.join(repoRoot, 'apps', 'api', 'test', 'fixtures');
    const resources = ['two-step-approval.bpmn', 'leave-application.form.json', 'principal-review.form.json'].map((name) => ({
      name,
      content: fs.readFileSync(path.join(fixtures, name), 'utf8'),
    }));
    await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
    await call('POST', '/api/process-definitions/key/leave-approval/start', await tokenOf('teacher'), { orgUnit: '64042210001' });

    const { context, page } = await newPage(browser);
    await logIn(page, 'teacher');
    await page.getByTestId('side-menu').getByText('待办事项').click();
    const table = page.getByTestId('inbox-table');
    await expectText(table, '班主任填写申请');
    await expectText(table, '吉强镇中心小学');
    await expectText(page.getByTestId('inbox-count-candidate'), '1');
    await screenshot(page, 'inbox-teacher');
    await table.getByRole('button', { name: '认领' }).click();
    await expectText(table, '已认领');
    await expectText(page.getByTestId('inbox-count-mine'), '1');
    await logOut(page);

    await logIn(page, 'principal');
    await page.goto('/inbox');
    await expectText(page.getByTestId('inbox-table'), '暂无待办事项');
    await context.close();
  });
});
