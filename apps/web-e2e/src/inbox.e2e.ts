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
  it('a class teacher sees the step waiting at their school, claims it, and the principal sees nothing of it yet', async () => {
    const fixtures = path.join(repoRoot, 'apps', 'api', 'test', 'fixtures');
    const resources = ['two-step-approval.bpmn', 'leave-application.form.json', 'principal-review.form.json'].map((name) => ({
      name,
      content: fs.readFileSync(path.join(fixtures, name), 'utf8'),
    }));
    await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
    // started by the principal (who holds no class-teacher role), so the first step waits for the school's
    // class teachers to claim it; a starter holding the step's role would get it straight away (#13)
    const instance = await call('POST', '/api/process-definitions/key/leave-approval/start', await tokenOf('principal'), {
      orgUnit: '64042210001',
    });

    const { context, page } = await newPage(browser);
    await logIn(page, 'teacher');
    await page.getByTestId('side-menu').getByText('待办事项').click();
    const table = page.getByTestId('inbox-table');
    await expectText(table, '班主任填写申请');
    await expectText(table, '吉强镇中心小学');
    // the browser suites share one server: other suites' cases may wait at this school too, so this case's row is
    // the one claimed, and the badges are read before and after
    const badge = async (key: string) => Number((await page.getByTestId(`inbox-count-${key}`).textContent())?.replace(/\D/g, '') || 0);
    await page.getByTestId('inbox-count-candidate').locator('sup').first().waitFor();
    const [candidates, mine] = [await badge('candidate'), await badge('mine')];
    expect(candidates).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'inbox-teacher');
    const row = table.locator('tr', { hasText: '班主任填写申请' }).first();
    await row.getByRole('button', { name: '认领' }).click();
    await expectText(row, '已认领');
    await expectText(page.getByTestId('inbox-count-mine'), String(mine + 1));
    await logOut(page);

    // the principal has nothing of this case: the step is a class teacher's and claimed. Other suites on the same
    // server may have left the principal steps of their own, so the inbox is not expected to be empty.
    await logIn(page, 'principal');
    await page.goto('/inbox');
    const principalTable = page.getByTestId('inbox-table');
    await principalTable.locator('.ant-table-tbody').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await principalTable.locator('tr', { hasText: '班主任填写申请' }).count()).toBe(0);
    const principalTasks = await call('GET', '/api/tasks?scope=all&pageSize=200', await tokenOf('principal'));
    expect((principalTasks.items as { instanceId: string }[]).filter((t) => t.instanceId === instance.id)).toEqual([]);
    await context.close();
  });
});
