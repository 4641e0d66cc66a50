import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { DESK, PHONE, expectFitsWidth, expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

/**
 * 决策表 (#18): a policy designer opens the county's decision table (依法控辍联动部门, shipped with the package) in the
 * dmn-js table editor, changes one rule's department and deploys version 2; the server keeps it and says so. On a
 * phone the table scrolls in its own box.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // the county package's table, deployed as the package deploys it (the browser tests' server starts without it)
  const content = fs.readFileSync(path.join(repoRoot, 'workflows', 'persuasion-partners.dmn'), 'utf8');
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources: [{ name: 'persuasion-partners.dmn', content }] });
});
afterAll(async () => {
  await browser?.close();
});

describe('decision tables (流程设计 → 决策表)', () => {
  it('the designer edits a rule in the table and deploys a new version', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(DESK);
    await logIn(page, 'designer');
    await page.goto('/design/decisions');
    await expectText(page.getByTestId('decision-pick'), '依法控辍联动部门（v1）');
    const editor = page.getByTestId('decision-editor');
    await expectText(editor, '学校帮扶团队');
    await expectText(editor, '命中策略');
    await screenshot(page, 'decision-table');
    // the learning-difficulty rule's department: select the cell's text and type the county's own wording
    const cell = editor.locator('td', { hasText: '"学校帮扶团队"' }).first();
    await cell.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('"学校温馨帮扶团队"');
    await page.getByTestId('decision-deploy').click();
    await expectText(page.locator('.ant-message'), '已部署：persuasionPartners v2');
    const designer = await tokenOf('designer');
    const latest = (await call('GET', '/api/decisions', designer)).find((d: { key: string }) => d.key === 'persuasionPartners');
    expect(latest.version).toBe(2);
    expect((await call('GET', `/api/decisions/${latest.id}/xml`, designer)).xml).toContain('学校温馨帮扶团队');
    await expectText(page.getByTestId('decision-pick'), '依法控辍联动部门（v2）');
    await page.setViewportSize(PHONE);
    await expectFitsWidth(page);
    await screenshot(page, 'decision-table-phone');
    await context.close();
  });
});
