import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { expectText, launchBrowser, logIn, logOut, newPage, screenshot, tick } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

const FIXTURES = path.join(repoRoot, 'apps', 'web-e2e', 'fixtures', 'ledgers');
const SCHOOL = '64042210102'; // 兴隆镇第二小学: the school the test's registers name
const TEACHER = { username: 'e2e-ledger-teacher', password: 'Teacher@2026-e2e' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The numbers on a dashboard total card: [total, signed off]. */
async function dashboardTotals(page: Page, kind: string): Promise<[number, number]> {
  const card = page.getByTestId(`dash-total-${kind}`);
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const m = text.match(/(\d+)\s*已销号\s*(\d+)/);
  if (!m) throw new Error(`no totals in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/** Reloads until the text shows: the procedure's service step runs in the background job worker. */
async function reloadUntil(page: Page, testId: string, text: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page.getByTestId(testId).filter({ hasText: text }).count();
    if (found) return;
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear in ${testId}`);
    await page.waitForTimeout(1000);
    await page.reload();
    await page.getByTestId(testId).waitFor();
  }
}

async function chooseFile(page: Page, source: string, file: string) {
  const card = page.getByTestId(`register-${source}`);
  await card.locator('input[type=file]').setInputFiles(path.join(FIXTURES, file));
  await card.getByTestId(`register-${source}-summary`).waitFor();
  return card;
}

async function pick(page: Page, selectTestId: string, option: string) {
  await page.getByTestId(selectTestId).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
}

async function importShown(page: Page, source: string, expected: string) {
  const card = page.getByTestId(`register-${source}`);
  await card.getByTestId(`register-${source}-import`).click();
  await expectText(card.getByTestId(`register-${source}-result`), expected);
  await expectText(card.getByTestId(`register-${source}-progress`), '完成');
}

describe('registers, comparison, ledgers and the dashboard (acceptance 1)', () => {
  beforeAll(async () => {
    // Ledger persuasion starts the procedure with key persuasion-return. The county package's own one runs a
    // follow-up period of weeks before sign-off, so the test deploys a short one under that key (and its own
    // form key), plus a class teacher at the registers' school. The e2e server seeds no procedures itself.
    const resources = ['persuasion-return.bpmn', 'e2e-persuasion-visit.form.json'].map((name) => ({
      name,
      content: fs.readFileSync(path.join(FIXTURES, name), 'utf8'),
    }));
    await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
    await call('POST', '/api/admin/users', await tokenOf('admin'), {
      username: TEACHER.username,
      password: TEACHER.password,
      displayName: '测试班主任',
      roles: [{ role: 'class-teacher', orgUnit: SCHOOL }],
    });
  });

  it('imports four registers with bad rows, compares, starts two cases in bulk, one child returns and is signed off, the dashboard moves', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'basic-edu');

    await page.getByTestId('side-menu').getByText('统计看板').click();
    const [suspectedBefore, signedOffBefore] = await dashboardTotals(page, 'suspected-dropout');

    // Household register (XLSX): a row without a name, a repeated child, a wrong check character.
    await page.getByTestId('side-menu').getByText('数据比对').click();
    let card = await chooseFile(page, 'household', '户籍名册.xlsx');
    await expectText(card.getByTestId('register-household-summary'), '共 9 行：可导入 6 行，有问题 3 行');
    const problems = card.getByTestId('register-household-problems');
    await expectText(problems, '缺少姓名');
    await expectText(problems, '身份证号与第 2 行重复');
    await expectText(problems, '身份证号校验位不正确');
    await importShown(page, 'household', '已导入 6 行，3 行有问题未导入');

    card = await chooseFile(page, 'student', '学籍名册.csv');
    await expectText(card.getByTestId('register-student-summary'), '共 7 行：可导入 5 行，有问题 2 行');
    await expectText(card.getByTestId('register-student-problems'), '身份证号与第 3 行重复');
    await importShown(page, 'student', '已导入 5 行，2 行有问题未导入');

    // The school's roster has its own headers: the clerk maps 学生 → 姓名 and 证号 → 身份证号.
    card = await chooseFile(page, 'enrolment', '在校生名单-兴隆镇第二小学.csv');
    await expectText(card, '请先为“姓名”和“身份证号”选择列');
    await pick(page, 'register-enrolment-map-name', '学生');
    await pick(page, 'register-enrolment-map-idNumber', '证号');
    await card.getByRole('button', { name: '预览检查' }).click();
    await expectText(card.getByTestId('register-enrolment-summary'), '共 4 行：可导入 3 行，有问题 1 行');
    await expectText(card.getByTestId('register-enrolment-problems'), '缺少姓名');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'registers-mapping-preview');
    await importShown(page, 'enrolment', '已导入 3 行，1 行有问题未导入');

    card = await chooseFile(page, 'poverty', '脱贫户名单.csv');
    await expectText(card.getByTestId('register-poverty-problems'), '身份证号校验位不正确');
    await importShown(page, 'poverty', '已导入 1 行，1 行有问题未导入');

    // The same household file again changes nothing, and says so.
    card = await chooseFile(page, 'household', '户籍名册.xlsx');
    await card.getByTestId('register-household-import').click();
    await expectText(card.getByTestId('register-household-result'), '此文件已于');
    await expectText(page.getByTestId('register-history'), '在校生名单-兴隆镇第二小学.csv');
    const householdImport = page.getByTestId('register-history').locator('tbody tr').filter({ hasText: '户籍名册.xlsx' });
    expect(await householdImport.count()).toBe(1);
    // The import record keeps its bad rows for the clerk who goes back to fix the spreadsheet.
    await householdImport.locator('.ant-table-row-expand-icon').click();
    await expectText(page.getByTestId('register-history-problems'), '身份证号与第 2 行重复');

    await page.getByTestId('compare-run').click();
    await expectText(page.getByTestId('compare-done'), '比对完成');
    const counts = page.getByTestId('compare-counts');
    expect((await counts.locator('.ant-statistic').allTextContents()).map((s) => s.replace(/\s/g, ''))).toEqual([
      '有户无籍1',
      '名在人不在2',
      '其中脱贫户1',
      '问题学籍0',
    ]);
    await screenshot(page, 'registers-imported');

    // The suspected-dropout ledger at the school: both children, the poor household marked; start both at once.
    await page.getByTestId('compare-open-suspected-dropout').click();
    await page.getByTestId('ledger-table').waitFor();
    await page.goto(`/ledgers?kind=suspected-dropout&orgUnit=${SCHOOL}`);
    const table = page.getByTestId('ledger-table');
    await expectText(table, '杨雪梅');
    await expectText(table.locator('tr', { hasText: '杨雪梅' }), '名在人不在（脱贫户）');
    await expectText(table.locator('tr', { hasText: '杨雪梅' }), '640422********1048');
    for (const name of ['杨雪梅', '苏明远']) await tick(table.locator('tr', { hasText: name }).locator('input[type=checkbox]'));
    await page.getByTestId('ledger-bulk-start').click();
    await page.getByTestId('ledger-bulk-confirm').click();
    await expectText(page.locator('.ant-message'), '已为 2 名学生发起劝返复学');
    await expectText(table.locator('tr', { hasText: '杨雪梅' }), '处理中');
    await expectText(table.locator('tr', { hasText: '苏明远' }), '处理中');
    await screenshot(page, 'ledger-suspected-dropout');
    await logOut(page);

    // The class teacher at the school visits 杨雪梅's family: she is back at school.
    await logIn(page, TEACHER.username, TEACHER.password);
    await page.goto('/ledgers?kind=suspected-dropout');
    await expectText(page.getByTestId('ledger-table'), '杨雪梅');
    const units = await page.getByTestId('ledger-table').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(new Set(units)).toEqual(new Set(['兴隆镇第二小学'])); // a teacher sees their school only
    await page.goto('/inbox');
    const links = page.getByTestId('inbox-table').getByRole('link', { name: '班主任家访劝返' });
    await links.first().waitFor();
    expect(await links.count()).toBe(2);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    let opened = false;
    for (const href of hrefs) {
      await page.goto(href!);
      await page.getByTestId('task-form').waitFor();
      if (await page.getByText('杨雪梅').count()) {
        opened = true;
        break;
      }
    }
    expect(opened).toBe(true);
    const form = page.getByTestId('task-form');
    await form.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="外出打工"]').click();
    await tick(form.locator('input[type=checkbox]'));
    await form.locator('textarea').fill('家访后已返校，在五（1）班就读');
    await page.getByTestId('task-complete').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/tasks/'));
    await logOut(page);

    // The procedure signs the entry off; its history shows every change; the dashboard has moved.
    await logIn(page, 'basic-edu');
    await page.goto(`/ledgers?kind=suspected-dropout&orgUnit=${SCHOOL}`);
    await page.getByTestId('ledger-table').waitFor();
    await reloadUntil(page, 'ledger-table', '已销号');
    await expectText(table.locator('tr', { hasText: '杨雪梅' }), '已销号');
    await expectText(table.locator('tr', { hasText: '苏明远' }), '处理中');
    await table.locator('tr', { hasText: '杨雪梅' }).getByRole('button', { name: '变更记录' }).click();
    const events = page.getByTestId('ledger-history-event');
    await expectText(events.nth(2), '销号');
    expect((await events.allTextContents()).map((s) => s.split(/\s/)[0])).toEqual(['登记', '发起劝返', '销号']);
    await page.keyboard.press('Escape');

    await page.goto('/dashboard');
    const [suspectedAfter, signedOffAfter] = await dashboardTotals(page, 'suspected-dropout');
    expect([suspectedAfter, signedOffAfter]).toEqual([suspectedBefore + 2, signedOffBefore + 1]);
    await expectText(page.getByTestId('dash-cause-table').locator('tr', { hasText: '外出打工' }), '1');
    const xinglong = page.getByTestId('dash-unit-table').locator('tr', { hasText: '兴隆镇' }).first();
    await expectText(xinglong, '兴隆镇');
    await screenshot(page, 'dashboard-county');
    await page.getByTestId('dash-cause-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-causes-overdue');

    // Drill down: the township shows its schools; the school opens its ledger entries.
    await xinglong.getByRole('button', { name: '兴隆镇' }).click();
    await expectText(page.getByTestId('dash-scope'), '兴隆镇');
    // The school's monthly report (XLSX) lists its children one by one, as the ledger has them now.
    const schoolRow = page.getByTestId('dash-unit-table').locator('tr', { hasText: '兴隆镇第二小学' });
    const [download] = await Promise.all([page.waitForEvent('download'), schoolRow.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^兴隆镇第二小学月报-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const lines: string[] = [];
    book.getWorksheet('明细')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join('|')));
    expect(lines.find((l) => l.includes('杨雪梅'))).toContain('疑似辍学台账|名在人不在（脱贫户）|已销号|兴隆镇第二小学');
    expect(lines.find((l) => l.includes('苏明远'))).toContain('处理中');
    expect(lines.join('\n')).not.toContain('640422201411111048'); // masked in the file too
    await schoolRow.getByRole('button', { name: '兴隆镇第二小学' }).click();
    await page.waitForURL(/\/ledgers\?kind=suspected-dropout&orgUnit=64042210102/);
    await expectText(page.getByTestId('ledger-table'), '杨雪梅');

    // The printable monthly report carries the same numbers.
    await page.goto('/dashboard?unit=640422101&view=print');
    const report = page.getByTestId('printable-report');
    await expectText(report, '兴隆镇控辍保学月报');
    await expectText(report.locator('tr', { hasText: '兴隆镇第二小学' }), '兴隆镇第二小学');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('side-menu').isVisible()).toBe(false); // the app's frame stays off the paper
    await screenshot(page, 'monthly-report-print');
    await context.close();
  });

  it('each user sees the ledgers and the dashboard of their own scope only (acceptance 4)', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'township'); // 乡镇干部 of 吉强镇
    await page.goto('/dashboard');
    await expectText(page.getByTestId('dash-scope'), '吉强镇');
    const units = (await page.getByTestId('dash-unit-table').locator('tbody tr td:first-child').allTextContents()).filter(
      (n) => n !== '合计',
    );
    // Its three schools, and nothing outside 吉强镇 (suites sharing this server may add a unit there: admin-users does).
    expect(units).toEqual(expect.arrayContaining(['吉强镇中心小学', '吉强镇第二小学', '吉强镇初级中学']));
    expect(units.every((n) => n.startsWith('吉强镇'))).toBe(true);
    await page.goto('/ledgers?kind=suspected-dropout');
    // data rows, not the table's "no data" placeholder row that stands there while the page loads
    await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').first().waitFor();
    const ledgerUnits = await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row td:nth-child(4)').allTextContents();
    expect(ledgerUnits.length).toBeGreaterThan(0);
    expect(ledgerUnits.every((u) => u.startsWith('吉强镇'))).toBe(true);
    // The same page in English.
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('ledger-tab-suspected-dropout'), 'Suspected dropouts');
    await expectText(page.getByTestId('ledger-table').locator('thead'), 'Persuasion case');
    await page.getByTestId('lang-switch').click();
    await logOut(page);

    await logIn(page, 'teacher'); // 班主任, no report rights
    expect(await page.getByTestId('side-menu').getByText('统计看板').count()).toBe(0);
    await page.goto('/dashboard');
    await expectText(page.locator('.ant-result'), '403');
    await context.close();
  });
});
