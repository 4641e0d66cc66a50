import type { Browser, Page } from 'playwright-core';
import { expectText, launchBrowser, logIn, logOut, newPage, screenshot } from './support/browser';
import {
  appendFromPad,
  appendUserTask,
  newProcedure,
  pickForm,
  publishFixtureForms,
  setPermission,
  tickRole,
  validate,
} from './support/modeler-steps';
import { call, tokenOf } from './support/api';

/**
 * Acceptance 1 of issue #5: a policy designer models a two-step approval in the modeler with a form per step
 * and deploys it; a class teacher starts it for a student; the principal returns it with a reason; the teacher
 * fixes and resubmits; the principal approves; the student file shows every step with who and when.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // The forms come from the form designer in real use; here they are published over HTTP first.
  await publishFixtureForms('leave-application.form.json', 'principal-review.form.json');
});
afterAll(async () => {
  await browser?.close();
});

const PROCEDURE = '休学申请（两级审批·建模）';
const KEY = 'leave-two-step';

/** antd select inside a field of the task's form: open it and pick the option with this text. */
async function pick(page: Page, field: string, option: string) {
  await page.getByTestId('task-form').locator(`[data-field="${field}"] .ant-select`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function typeDate(page: Page, field: string, date: string) {
  const input = page.getByTestId('task-form').locator(`[data-field="${field}"] input`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function openTask(page: Page): Promise<string> {
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await page.getByTestId('task-form').waitFor();
  return page.url().split('/tasks/')[1];
}

async function modelAndDeploy(page: Page) {
  await logIn(page, 'designer');
  await newProcedure(page, PROCEDURE, KEY);
  // Step 1: the class teacher applies; the principal's fields are hidden at this step.
  const apply = await appendUserTask(page, 'StartEvent_1', '班主任填写申请');
  await pickForm(page, 'leave-application');
  await tickRole(page, 'class-teacher');
  await setPermission(page, 'decision', 'hidden');
  await setPermission(page, 'comment', 'hidden');
  // Step 2: the principal reviews with their own form.
  const review = await appendUserTask(page, apply, '校长审批');
  await pickForm(page, 'principal-review');
  await tickRole(page, 'principal');
  // Returning to the teacher is the task page's own action (with a reason), so the model ends after the review.
  await appendFromPad(page, review, 'append.end-event');
  expect(await validate(page)).toEqual([]);
  await screenshot(page, 'two-step-modeled');
  await page.getByTestId('modeler-deploy').click();
  await page.getByTestId('modeler-deploy-confirm').click();
  await expectText(page.locator('.ant-message'), `已部署“${PROCEDURE}”，版本 1`);
  await expectText(page.getByTestId('versions-table'), '1'); // the versions drawer opens on the new version
  await page.keyboard.press('Escape');
  await page.getByTestId('versions-table').waitFor({ state: 'hidden' });
  await logOut(page);
}

describe('two-step approval, modelled in the browser (issue #5 acceptance 1)', () => {
  it('is modelled and deployed by the designer, then started, returned, fixed, approved, and filed with who and when', async () => {
    const teacherToken = await tokenOf('teacher');
    const students = await call('GET', '/api/students?orgUnit=64042210001&pageSize=3', teacherToken);
    const student = students.items[2] as { id: string; name: string; idNumberMasked: string };
    const teacherName = (await call('GET', '/api/me', teacherToken)).displayName as string;
    const principalName = (await call('GET', '/api/me', await tokenOf('principal'))).displayName as string;

    const { context, page } = await newPage(browser);

    // Given the designer models the procedure with a form per step and deploys it
    await modelAndDeploy(page);

    // When the class teacher starts it for a child of their school
    await logIn(page, 'teacher');
    await page.goto('/start');
    await page.getByTestId(`start-card-${KEY}`).click();
    await page.getByTestId('student-picker').click();
    await page.keyboard.type(student.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: student.idNumberMasked }).click();
    await page.getByTestId('start-submit').click();
    // then the first step opens for them; the principal's fields are hidden there
    await openTask(page);
    await expectText(page.getByTestId('task-header'), '班主任填写申请');
    expect(await page.getByTestId('task-form').locator('[data-field="decision"]').count()).toBe(0);
    await pick(page, 'reason', 'illness');
    await typeDate(page, 'from', '2026-12-01');
    await typeDate(page, 'to', '2027-01-15');
    await page.getByTestId('task-form').locator('[data-field="guardianPhone"] input').fill('13800000000');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);
    await logOut(page);

    // When the principal finds it in the inbox and returns it with a reason
    await logIn(page, 'principal');
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').getByText('校长审批').first().click();
    await openTask(page);
    await page.getByTestId('task-return').click();
    await page.getByTestId('task-return-reason').fill('请补充医院诊断证明');
    await page.getByTestId('task-return-confirm').click();
    await page.waitForURL(/\/inbox$/);
    await logOut(page);

    // When the teacher fixes the end date and resubmits
    await logIn(page, 'teacher');
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').getByText('班主任填写申请').first().click();
    await openTask(page);
    await expectText(page.locator('body'), '请补充医院诊断证明');
    await typeDate(page, 'to', '2027-02-28');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);
    await logOut(page);

    // When the principal approves
    await logIn(page, 'principal');
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').getByText('校长审批').first().click();
    await openTask(page);
    await pick(page, 'decision', 'approve');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);

    // Then the student file shows every step in order with who and when
    await page.goto(`/students/${student.id}`);
    await page.getByTestId('student-file').waitFor();
    const events = page.getByTestId('file-event');
    await expectText(events.first(), `发起“${PROCEDURE}”`);
    const lines = (await events.allTextContents()).join('\n');
    const order = [
      `发起“${PROCEDURE}”`,
      '完成“班主任填写申请”',
      '退回',
      '请补充医院诊断证明',
      '完成“班主任填写申请”',
      '完成“校长审批”',
      '办结',
    ];
    let at = -1;
    for (const text of order) {
      const next = lines.indexOf(text, at + 1);
      expect([text, next > at]).toEqual([text, true]);
      at = next;
    }
    expect(lines).toContain(`经办人：${teacherName}`);
    expect(lines).toContain(`经办人：${principalName}`);
    expect(lines).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await screenshot(page, 'two-step-student-file');

    // and the designer's monitoring shows the instance completed
    await logOut(page);
    await logIn(page, 'designer');
    await page.goto(`/design/instances?key=${KEY}&state=completed`);
    await expectText(page.getByTestId('instances-table'), student.name);
    await expectText(page.getByTestId('instances-table'), '已完成');
    await context.close();
    // The whole story (modelling, deploying, four sign-ins) outlasts the default 120 s on a busy 2-core box.
  }, 300_000);
});
