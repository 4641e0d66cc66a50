import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { DESK, launchBrowser, logIn, newPage, PHONE, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { seriousViolations, sidewaysOverflow } from './support/axe';
import { repoRoot } from './support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The Xiji package (forms/ and workflows/, county parameters included), deployed as the policy designer would. */
async function deployXiji() {
  const resources = ['forms', 'workflows'].flatMap((dir) =>
    fs
      .readdirSync(path.join(repoRoot, dir))
      .filter((f) => f.endsWith('.form.json') || f.endsWith('.bpmn'))
      .map((name) => ({ name, content: fs.readFileSync(path.join(repoRoot, dir, name), 'utf8') })),
  );
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
}

/** A 包抓 visit recorded by `username` to a township today, through the township visit procedure. */
async function visit(username: string, townshipCode: string) {
  const token = await tokenOf(username);
  const started = await call('POST', '/api/process-definitions/key/township-visit/start', token, { orgUnit: '640422' });
  const inbox = await call('GET', '/api/tasks?pageSize=200', token);
  const task = (inbox.items as { id: string; instanceId: string }[]).find((x) => x.instanceId === started.id)!;
  await call('POST', `/api/tasks/${task.id}/complete`, token, {
    data: {
      townshipCode,
      visitDate: new Date().toISOString().slice(0, 10),
      placesVisited: '吉强镇中心小学、龙王坝村',
      findings: '疑似辍学学生已入户核实',
    },
  });
}

describe('包抓 per person (issue #16 acceptance 3)', () => {
  it('the dashboard shows 包抓走访 per person and office at 1440; the assignment table works at 390, refusals at the field', async () => {
    await deployXiji();
    await visit('basic-edu', '640422100');
    await visit('basic-edu', '640422100');
    await visit('bureau', '640422100');

    // desk: the dashboard's 包抓走访 card, the county's number in the hint, one row per person
    const desk = await newPage(browser, DESK);
    await logIn(desk.page, 'basic-edu');
    await desk.page.goto('/dashboard');
    const card = desk.page.getByTestId('dash-visits');
    await card.getByTestId('dash-visits-hint').getByText('每月不少于 2 次').waitFor();
    expect(await card.textContent()).not.toContain('每月至少走访每个乡镇');
    const people = card.getByTestId('dash-visits-people');
    const row = (name: string) => people.locator('tr', { hasText: name });
    await row('张基教（演示）').waitFor();
    // this month's column is the last before 达标月数: 张基教 met it (green), 王局长 did not (red)
    expect(await row('张基教（演示）').locator('.ant-tag-green').count()).toBeGreaterThan(0);
    expect(await row('王局长（演示）').locator('.ant-tag-red').last().textContent()).toBe('1');
    await card.getByRole('tab', { name: '按科室（中心）' }).click();
    await card.getByTestId('dash-visits-offices').locator('tr', { hasText: '局领导（班子成员）' }).waitFor();
    await screenshot(desk.page, 'dashboard-visits');
    await card.getByTestId('dash-visits-assignments').click();
    await desk.page.getByTestId('visit-assignments-table').getByText('新营乡', { exact: true }).waitFor();
    await desk.context.close();

    // phone: the table scrolls inside itself, the page does not; a person who is not bureau staff is refused at the field
    const phone = await newPage(browser, PHONE);
    await logIn(phone.page, 'basic-edu');
    await phone.page.goto('/visit-assignments');
    const table = phone.page.getByTestId('visit-assignments-table');
    await table.getByText('赵督导（演示）').waitFor();
    expect(await sidewaysOverflow(phone.page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'visit-assignments-phone');
    await phone.page.getByTestId('visit-add').click();
    const dialog = phone.page.locator('.ant-modal-content');
    const form = phone.page.getByTestId('visit-form');
    await form.locator('#username').fill('teacher');
    await form.locator('#township').click();
    await phone.page.locator('.ant-select-item-option', { hasText: '兴平乡' }).click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('马老师（演示） 不是局机关包抓人员（须在县教体局或其科室任职，且所任角色可记录包抓走访）').waitFor();
    expect((await dialog.boundingBox())!.width).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'visit-assignments-refused-phone');
    await form.locator('#username').fill('inspector');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await table.locator('tr', { hasText: '兴平乡' }).getByText('赵督导（演示）').waitFor();
    // leave the shared server's table as it was
    await table.locator('tr', { hasText: '兴平乡' }).getByRole('button', { name: '删除' }).click();
    await phone.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await table.locator('tr', { hasText: '兴平乡' }).waitFor({ state: 'detached' });
    await phone.context.close();
  });
});
