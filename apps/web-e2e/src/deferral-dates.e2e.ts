import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, expectText, launchBrowser, logIn, newPage, PHONE } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';
import { sidewaysOverflow } from './support/axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCHOOL = '64042210001'; // 吉强镇中心小学, the demo teacher's school

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

const field = (page: Page, name: string): Locator => page.getByTestId('task-form').locator(`.kcbx-field[data-field="${name}"]`);

async function typeDate(page: Page, name: string, date: string): Promise<void> {
  const box = field(page, name).locator('input').first();
  await box.click();
  await box.fill(date);
  await box.press('Enter');
}

/**
 * Issue #16, 延缓入学/休学: the end date must be after the start date — a rule of the county's form, so the browser
 * refuses it at 截止日期 before anything is sent, and the API refuses the same data with the same words.
 */
describe('a deferral application on a phone (issue #16)', () => {
  it('given an end date before the start date, then 截止日期 says why, in the words the API uses', async () => {
    await deployXiji();
    const teacher = await tokenOf('teacher');
    const list = await call('GET', `/api/students?orgUnit=${SCHOOL}&pageSize=5`, teacher);
    const child = list.items[0] as { id: string; name: string };
    const started = await call('POST', '/api/process-definitions/key/deferral-suspension/start', teacher, {
      orgUnit: SCHOOL,
      studentId: child.id,
    });
    const inbox = await call('GET', '/api/tasks?scope=all&pageSize=200', teacher);
    const apply = (inbox.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === started.id)!;

    const { context, page } = await newPage(browser, PHONE);
    try {
      await logIn(page, 'teacher');
      await page.goto(`/tasks/${apply.id}`);
      await page.getByTestId('task-form').waitFor();
      await typeDate(page, 'periodFrom', '2027-03-10');
      await typeDate(page, 'periodTo', '2027-03-01');
      await page.getByTestId('task-complete').click();
      await expectText(field(page, 'periodTo').locator('.kcbx-field-message'), '必须晚于 2027-03-10');
      expect(page.url()).toMatch(/\/tasks\/[^/]+$/); // nothing was sent
      expect(await sidewaysOverflow(page)).toBe(0);

      // the API, sent the same dates, refuses them at the same field with the same message
      const res = await fetch(`${baseUrl()}/api/tasks/${apply.id}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${teacher}` },
        body: JSON.stringify({ data: { periodFrom: '2027-03-10', periodTo: '2027-03-01' } }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { details: { field: string; message: string }[] };
      expect(body.details.find((d) => d.field === '/periodTo')?.message).toBe('必须晚于 2027-03-10');

      // a later end date clears the message at once
      await typeDate(page, 'periodTo', '2027-07-01');
      await field(page, 'periodTo').locator('.kcbx-field-message').waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});
