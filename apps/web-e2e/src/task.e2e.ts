import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, expectText, launchBrowser, logIn, logOut, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function deployTwoStepApproval() {
  const fixtures = path.join(repoRoot, 'apps', 'api', 'test', 'fixtures');
  const resources = ['two-step-approval.bpmn', 'leave-application.form.json', 'principal-review.form.json'].map((name) => ({
    name,
    content: fs.readFileSync(path.join(fixtures, name), 'utf8'),
  }));
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
}

/** A field of the step's own form (earlier steps' read-only forms have fields of the same names). */
const field = (page: Page, name: string) => page.getByTestId('task-form').locator(`[data-field="${name}"]`);

/** antd select inside a form field: open it and pick the option with this text. */
async function pick(page: Page, name: string, option: string) {
  await field(page, name).locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** antd date picker inside a form field: type the date and confirm. */
async function typeDate(page: Page, name: string, date: string) {
  const input = field(page, name).locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The task id in the address bar once a task page is open. */
async function openTaskId(page: Page): Promise<string> {
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await page.getByTestId('task-form').waitFor();
  return page.url().split('/tasks/')[1];
}

describe('task page', () => {
  it('a teacher starts a leave application for a student, the principal returns it with a reason, the teacher fixes it and the principal approves', async () => {
    await deployTwoStepApproval();
    // A child at the teacher's school (吉强镇中心小学), picked the way a clerk would: by name.
    const students = await call('GET', '/api/students?orgUnit=64042210001&pageSize=1', await tokenOf('teacher'));
    const student = students.items[0] as { id: string; name: string; idNumberMasked: string };

    const { context, page } = await newPage(browser);
    await logIn(page, 'teacher');

    // Given the procedure is offered on the start page, when the teacher starts it for the child…
    await page.getByTestId('side-menu').getByText('发起事项').click();
    await page.getByTestId('start-card-leave-approval').click();
    await expectText(page.locator('h4'), '休学申请（两级审批）');
    await page.getByTestId('student-picker').click();
    await page.keyboard.type(student.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: student.idNumberMasked }).click();
    await page.getByTestId('start-submit').click();

    // …then the first step is theirs, and the page opens it.
    const firstTask = await openTaskId(page);
    await expectText(page.getByTestId('task-header'), '班主任填写申请');
    await expectText(page.getByTestId('task-header'), student.name);
    await expectText(page.getByTestId('task-header'), '吉强镇中心小学');

    // It is also in the inbox; its row opens the same page.
    await page.getByTestId('side-menu').getByText('待办事项').click();
    await page.getByTestId('inbox-table').locator(`a[href="/tasks/${firstTask}"]`).click();
    expect(await openTaskId(page)).toBe(firstTask);
    // The diagram marks the current step; the principal's decision fields are hidden at this step.
    await page.locator('[data-testid="process-diagram"] [data-element-id="apply"].kcbx-active').waitFor();
    expect(await field(page, 'decision').count()).toBe(0);
    expect(await page.getByTestId('task-return').count()).toBe(0); // nothing before the first step to return to

    // Invalid data: the Chinese field error shows at the field and nothing is submitted.
    await pick(page, 'reason', 'illness');
    await typeDate(page, 'from', '2026-12-01');
    await typeDate(page, 'to', '2027-01-15');
    await field(page, 'guardianPhone').locator('input').fill('12345');
    // The first step went straight to its starter, whose role covers it (issue #13): nothing to claim.
    expect(await page.getByTestId('task-claim').count()).toBe(0);
    await expectText(page.getByTestId('task-header'), '由我办理');
    expect(await field(page, 'guardianPhone').locator('input').inputValue()).toBe('12345');
    await page.getByTestId('task-complete').click();
    await expectText(field(page, 'guardianPhone'), '请输入有效的11位手机号码');
    expect(page.url()).toContain(`/tasks/${firstTask}`);
    await screenshot(page, 'task-page');

    // Valid data: submitted, back to the inbox.
    await field(page, 'guardianPhone').locator('input').fill('13800000000');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);
    await logOut(page);

    // The principal sees the review step with the teacher's form read-only, and returns it with a reason.
    await logIn(page, 'principal');
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').getByText('校长审批').first().click();
    const review = await openTaskId(page);
    await expectText(page.getByTestId('earlier-steps'), '班主任填写申请');
    await expectText(page.getByTestId('earlier-steps'), '提交');
    await page.locator('[data-testid="process-diagram"] [data-element-id="review"].kcbx-active').waitFor();
    await page.locator('[data-testid="process-diagram"] [data-element-id="apply"].kcbx-completed').waitFor();
    // A comment for the others on the case stays with it.
    await page.getByTestId('task-comment-input').fill('已电话联系家长核实病情');
    await page.getByTestId('task-comment-add').click();
    await expectText(page.getByTestId('task-comments'), '已电话联系家长核实病情');
    await page.getByTestId('task-return').click();
    await page.getByTestId('task-return-confirm').click();
    await expectText(page.locator('.ant-modal'), '请填写退回原因'); // the reason is required
    await page.getByTestId('task-return-reason').fill('请补充医院诊断证明的日期');
    await page.getByTestId('task-return-confirm').click();
    await page.waitForURL(/\/inbox$/);
    expect(review).not.toBe(firstTask);
    await logOut(page);

    // The teacher is told (bell) and finds the returned step in the inbox, with the reason.
    await logIn(page, 'teacher');
    const badge = page.getByTestId('notification-count').locator('.ant-badge-count');
    await badge.waitFor();
    const unread = Number(await badge.getAttribute('title'));
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: '班主任填写申请' }).first().click();
    // Opening it marks it read: one fewer unread.
    await page
      .getByTestId('notification-count')
      .locator(`.ant-badge-count[title="${unread - 1}"]`)
      .waitFor();
    const returned = await openTaskId(page);
    await expectText(page.getByTestId('task-header'), '班主任填写申请');
    await expectText(page.locator('body'), '请补充医院诊断证明的日期');
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').locator(`a[href="/tasks/${returned}"]`).waitFor();

    // The form still holds what was submitted; the teacher corrects the end date and resubmits.
    await page.goto(`/tasks/${returned}`);
    await page.getByTestId('task-form').waitFor();
    expect(await field(page, 'guardianPhone').locator('input').inputValue()).toBe('13800000000');
    await typeDate(page, 'to', '2027-02-28');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);
    await logOut(page);

    // The principal approves; the case is done and leaves every inbox.
    await logIn(page, 'principal');
    await page.goto('/inbox');
    await page.getByTestId('inbox-table').getByText('校长审批').first().click();
    const again = await openTaskId(page);
    await pick(page, 'decision', 'approve');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);
    const res = await fetch(`${baseUrl()}/api/tasks/${again}`, { headers: { authorization: `Bearer ${await tokenOf('principal')}` } });
    expect([404, 409]).toContain(res.status); // no longer open
    await context.close();
  });

  it('a clerk whose task was completed elsewhere meanwhile is told so and taken back to the inbox', async () => {
    await deployTwoStepApproval();
    const teacher = await tokenOf('teacher');
    const instance = await call('POST', '/api/process-definitions/key/leave-approval/start', teacher, { orgUnit: '64042210001' });
    const inbox = await call('GET', '/api/tasks?scope=all&pageSize=200', teacher);
    const task = (inbox.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === instance.id)!;

    const { context, page } = await newPage(browser);
    await logIn(page, 'teacher');
    await page.goto(`/tasks/${task.id}`);
    await page.getByTestId('task-form').waitFor();
    // Given the page is open, when the same step is completed from elsewhere (another tab, a colleague)…
    await call('POST', `/api/tasks/${task.id}/complete`, teacher, { data: { reason: 'other', from: '2026-12-01', to: '2026-12-31' } });
    await pick(page, 'reason', 'illness');
    await typeDate(page, 'from', '2026-12-01');
    await typeDate(page, 'to', '2027-01-15');
    await page.getByTestId('task-complete').click();
    // …then the submit is refused with an explanation and the clerk lands in the inbox.
    await page.getByText('该任务已由他人办理或认领，已返回待办事项').waitFor();
    await page.waitForURL(/\/inbox$/);
    await context.close();
    // Close the case, so the principal's inbox is as other suites on this server expect it.
    const principal = await tokenOf('principal');
    const open = await call('GET', '/api/tasks?scope=all&pageSize=200', principal);
    const review = (open.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === instance.id)!;
    await call('POST', `/api/tasks/${review.id}/complete`, principal, { data: { decision: 'approve' } });
  });

  it('a field error only the server reports is shown at that field, and goes when the field is edited', async () => {
    await deployTwoStepApproval();
    const teacher = await tokenOf('teacher');
    const instance = await call('POST', '/api/process-definitions/key/leave-approval/start', teacher, { orgUnit: '64042210001' });
    const inbox = await call('GET', '/api/tasks?scope=all&pageSize=200', teacher);
    const task = (inbox.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === instance.id)!;

    const { context, page } = await newPage(browser);
    await logIn(page, 'teacher');
    await page.goto(`/tasks/${task.id}`);
    await page.getByTestId('task-form').waitFor();
    await pick(page, 'reason', 'illness');
    await typeDate(page, 'from', '2026-12-01');
    await typeDate(page, 'to', '2026-11-01');
    // Given the server refuses what the browser accepted (a rule over data the browser does not hold; faked here,
    // the shipped forms' rules all run in the browser too), when the clerk submits…
    await page.route('**/api/tasks/*/complete', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 400,
          error: 'FORM_INVALID',
          message: '表单填写有误，请检查标出的字段',
          details: [{ field: '/to', label: '截止日期', message: '截止日期不能早于起始日期', keyword: 'rule' }],
        }),
      }),
    );
    await page.getByTestId('task-complete').click();
    // …then the message stands under that field and in the list above the form, and the page stays.
    await expectText(field(page, 'to'), '截止日期不能早于起始日期');
    await expectText(page.getByTestId('server-field-errors'), '截止日期：截止日期不能早于起始日期');
    await page.unroute('**/api/tasks/*/complete');
    await typeDate(page, 'to', '2027-01-15');
    await field(page, 'to').locator('.kcbx-server-message').waitFor({ state: 'detached' });
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/inbox$/);
    await context.close();
    // Close the case for the other suites on this server.
    const principal = await tokenOf('principal');
    const open = await call('GET', '/api/tasks?scope=all&pageSize=200', principal);
    const review = (open.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === instance.id)!;
    await call('POST', `/api/tasks/${review.id}/complete`, principal, { data: { decision: 'approve' } });
  });
});
