import type { Browser, Page } from 'playwright-core';
import { expectText, fillLogin, launchBrowser, logIn, logOut, newPage, screenshot, tick } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const UNIT = { code: '64042210077', name: '吉强镇测试教学点' };
const USER = { username: 'e2e-teacher', displayName: '测试老师', password: 'Test@2026-e2e' };

/** OK in the open dialog; resolves once it has closed (its fading layer would swallow the next click). */
async function submitModal(page: Page) {
  await page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal-wrap:visible').first().waitFor({ state: 'hidden' });
}

/** Searches and waits for the filtered answer (the unfiltered first page may list the same user). */
async function searchUsers(page: Page, q: string) {
  await page.getByPlaceholder('用户名、姓名或手机号').fill(q);
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/admin/users?') && r.url().includes(`q=${encodeURIComponent(q)}`)),
    page.getByPlaceholder('用户名、姓名或手机号').press('Enter'),
  ]);
}

async function openUserRow(page: Page, username: string, action: string) {
  await searchUsers(page, username);
  const row = page.getByTestId('users-table').locator('tbody tr.ant-table-row', { hasText: username });
  await row.waitFor();
  const rows = page.getByTestId('users-table').locator('tbody tr.ant-table-row');
  await rows.nth(1).waitFor({ state: 'detached' }); // the response is in; let the table re-render
  expect(await rows.count()).toBe(1);
  await row.getByRole('button', { name: action }).click();
  return row;
}

/** antd selects are custom widgets: open, type to filter, pick the matching option. */
async function pickOption(page: Page, select: number, search: string, optionText: string) {
  const box = page.locator('.ant-modal .ant-select').nth(select);
  await box.click();
  await page.keyboard.type(search);
  const option = page.locator('.ant-select-dropdown:visible').getByText(optionText, { exact: false }).first();
  await option.click();
}

describe('administration', () => {
  it('admin adds an org unit and a user with a role there; that user logs in and sees the unit', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'admin');
    await expectText(page.getByTestId('side-menu'), '系统管理');

    // Org unit under 吉强镇, found with the tree search.
    await page.getByTestId('side-menu').getByText('组织机构').click();
    const township = page.getByTestId('org-tree').locator('.ant-tree-title', { hasText: '吉强镇（640422100）' });
    await township.waitFor(); // the tree has loaded
    await page.getByPlaceholder('搜索单位名称或代码').fill('吉强镇');
    await page.getByPlaceholder('搜索单位名称或代码').press('Enter');
    await township.click();
    await page.getByText('在“吉强镇”下新增单位').waitFor();
    const form = page.getByTestId('org-add-form');
    await form.locator('#code').fill(UNIT.code);
    await form.locator('#name').fill(UNIT.name);
    await page.getByTestId('org-add-submit').click();
    await page.getByText(`已新增单位“${UNIT.name}”`).waitFor();
    await page.getByTestId('org-tree').getByText(`${UNIT.name}（${UNIT.code}）`).waitFor();
    await screenshot(page, 'admin-org-units');

    // A user with the class-teacher role at the new unit.
    await page.getByTestId('side-menu').getByText('用户管理').click();
    await page.getByTestId('users-table').getByText('admin', { exact: true }).waitFor();
    await page.getByTestId('users-create').click();
    const modal = page.locator('.ant-modal');
    await modal.locator('#username').fill(USER.username);
    await modal.locator('#displayName').fill(USER.displayName);
    await modal.locator('#password').fill(USER.password);
    await pickOption(page, 0, '班主任', '班主任');
    await pickOption(page, 1, '测试教学点', UNIT.name);
    await submitModal(page);
    await page.getByText(`已新增用户“${USER.displayName}”`).waitFor();
    await searchUsers(page, USER.username);
    await expectText(page.getByTestId('users-table').locator('tbody'), `班主任 · ${UNIT.name}`);
    await screenshot(page, 'admin-users');

    // The write is in the audit log.
    await page.getByTestId('side-menu').getByText('操作日志').click();
    await expectText(page.getByTestId('audit-table').locator('tbody'), 'admin');
    await screenshot(page, 'admin-audit');

    await logOut(page);
    await logIn(page, USER.username, USER.password);
    await expectText(page.getByTestId('header-display-name'), USER.displayName);
    await expectText(page.getByTestId('header-units'), UNIT.name);
    await context.close();
  });

  it('admin resets one password and disables another account; the users notice at login', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'admin');
    await page.goto('/admin/users');

    await openUserRow(page, 'teacher2', '重置密码');
    await page.locator('.ant-modal #password').fill('Reset@2026-e2e');
    await submitModal(page);
    await page.getByText('密码已重置').waitFor();

    const leader = await openUserRow(page, 'leader', '编辑');
    await page.locator('.ant-modal #active').click();
    await submitModal(page);
    await page.getByText('已保存').waitFor();
    await expectText(leader, '停用');

    await logOut(page);
    await logIn(page, 'teacher2', 'Reset@2026-e2e');
    await expectText(page.getByTestId('header-display-name'), '海老师（演示）');
    await logOut(page);
    expect(await fillLogin(page, 'leader')).toBe(401);
    // the same answer as a wrong password (nobody learns the password was right), with the hint for the disabled
    await expectText(page.getByTestId('login-error'), '账号已停用的，请联系管理员');
    await context.close();
  });

  it('admin adds a role, gives it to a user at the county, and finds the role in the audit log filtered by entity', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'admin');
    await page.goto('/admin/roles');
    // the role list loads beside the form and moves it as it fills: wait for it, as a person would
    await page.getByTestId('roles-table').locator('tr', { hasText: 'class-teacher' }).waitFor();
    await page.locator('#key').fill('e2e-helper');
    await page.locator('#name').fill('测试助理');
    await page.locator('#nameEn').fill('Test helper');
    await tick(page.getByRole('checkbox', { name: '查看报表' }));
    await page.getByRole('button', { name: '新增' }).click();
    await page.getByText('已新增角色“测试助理”').waitFor();
    await expectText(page.getByTestId('roles-table').locator('tr', { hasText: 'e2e-helper' }), '查看报表');

    await page.goto('/admin/users');
    const row = await openUserRow(page, 'designer', '设置角色');
    await page.getByTestId('assignment-add').click();
    await pickOption(page, 2, '测试助理', '测试助理');
    await pickOption(page, 3, '西吉县', '西吉县（640422）');
    await submitModal(page);
    await page.getByText('已保存').waitFor();
    await expectText(row, '测试助理 · 西吉县');
    await expectText(row, '政策与流程设计 · 西吉县'); // the existing assignment is kept

    await page.goto('/admin/audit');
    await page.getByPlaceholder('按对象类型筛选').fill('roles');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/admin/audit') && r.url().includes('entity=roles')),
      page.getByPlaceholder('按对象类型筛选').press('Enter'),
    ]);
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await rows.first().filter({ hasText: 'POST /api/admin/roles' }).waitFor(); // newest first, filtered
    for (const text of await rows.allTextContents()) expect(text).toContain('roles');
    await context.close();
  });
});
