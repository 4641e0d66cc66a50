import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { expectText, launchBrowser, logIn, logOut, newPage, screenshot, tick } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

/**
 * Issue #17 acceptance 1 in the browser: 批量审批 of 20 tasks with one failing, 加签 before and after, 撤回, 催办 and
 * 抄送 — each then visible in the student file and the audit log. Cases are set up over HTTP; every verb is done
 * through the pages, at a desk's 1440×900 and (撤回, 催办, 抄送我的) on a phone's 390×844.
 */

let browser: Browser;
let student: { id: string; name: string };
const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  browser = await launchBrowser();
  const fixtures = path.join(repoRoot, 'apps', 'api', 'test', 'fixtures');
  const resources = ['approval-verbs.bpmn', 'principal-review.form.json'].map((name) => ({
    name,
    content: fs.readFileSync(path.join(fixtures, name), 'utf8'),
  }));
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
  const students = await call('GET', '/api/students?orgUnit=64042210001&pageSize=1', await tokenOf('teacher'));
  student = students.items[0];
});
afterAll(async () => {
  await browser?.close();
});

// a login hashes a password (argon2): each user logs in once for the whole setup, not once per call
const tokens = new Map<string, Promise<string>>();
const token = (username: string) => {
  if (!tokens.has(username)) tokens.set(username, tokenOf(username));
  return tokens.get(username)!;
};

/** a case the teacher started for the student, its application submitted: the review waits for the principal */
async function caseAtReview(): Promise<{ instanceId: string; reviewId: string }> {
  const teacher = await token('teacher');
  const started = await call('POST', '/api/process-definitions/key/verbs-approval/start', teacher, {
    orgUnit: '64042210001',
    studentId: student.id,
  });
  const mine = await call('GET', '/api/tasks?pageSize=200', teacher);
  const apply = mine.items.find((x: { instanceId: string }) => x.instanceId === started.id);
  await call('POST', `/api/tasks/${apply.id}/complete`, teacher, { data: {} });
  const review = (await call('GET', '/api/tasks?pageSize=200', await token('principal'))).items.find(
    (x: { instanceId: string }) => x.instanceId === started.id,
  );
  return { instanceId: started.id, reviewId: review.id };
}

const field = (page: Page, name: string) => page.getByTestId('task-form').locator(`[data-field="${name}"]`);
async function approveOnPage(page: Page, taskId: string) {
  await page.goto(`/tasks/${taskId}`);
  await field(page, 'decision').locator('.ant-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'approve' }).first().click();
  await page.getByTestId('task-form').getByRole('button', { name: '提交' }).click();
  await page.waitForURL(/\/inbox$/);
}

describe('approval verbs (issue #17 acceptance 1)', () => {
  it('批量审批 of 20 tasks with one failing reports the failure by task', async () => {
    const cases = [];
    for (let i = 0; i < 20; i++) cases.push(await caseAtReview());
    const { context, page } = await newPage(browser);
    await page.setViewportSize(DESK);
    await logIn(page, 'principal');
    await page.goto('/inbox');
    await expectText(page.getByTestId('inbox-table'), student.name);
    // select the page's 20 tasks with the header checkbox
    await tick(page.getByTestId('inbox-table').locator('thead .ant-checkbox-input'));
    await expectText(page.getByTestId('batch-open'), '已选 20 项');
    // meanwhile one of them is decided elsewhere: the batch will find it done
    await call('POST', `/api/tasks/${cases[4].reviewId}/complete`, await token('principal'), { data: { decision: 'approve' } });
    await page.getByTestId('batch-open').click();
    await page.getByTestId('batch-comment').fill('材料齐全，同意');
    await page.getByTestId('batch-confirm').click();
    await expectText(page.getByTestId('batch-result'), '已完成 19 项，失败 1 项');
    expect(await page.getByTestId('batch-failure').count()).toBe(1);
    await expectText(page.getByTestId('batch-failure'), '不再处于待办');
    await screenshot(page, 'verbs-batch-result');
    await context.close();
    // twenty cases set up over HTTP on a shared, busy machine
  }, 400_000);

  it('加签 before: the added signer signs first and the step comes back; after: the signer approves after the holder', async () => {
    const { instanceId, reviewId } = await caseAtReview();
    const { context, page } = await newPage(browser);
    await page.setViewportSize(DESK);
    await logIn(page, 'principal');
    await page.goto(`/tasks/${reviewId}`);
    await page.getByTestId('task-add-signers').click();
    await page.getByTestId('signers-usernames').fill('basic-edu');
    await page.getByTestId('signers-confirm').click();
    await page.waitForURL(/\/inbox$/);
    await logOut(page);

    await logIn(page, 'basic-edu');
    await approveOnPage(page, reviewId);
    await logOut(page);

    await logIn(page, 'principal');
    await page.goto(`/tasks/${reviewId}`);
    await expectText(page.getByTestId('task-signing'), '张基教（演示）');
    await expectText(page.getByTestId('task-signing'), '同意');
    await page.getByTestId('task-add-signers').click();
    await page.getByTestId('signers-usernames').fill('township');
    await page.getByTestId('signers-mode').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '后加签' }).click();
    await page.getByTestId('signers-confirm').click();
    await expectText(page.getByTestId('task-signing'), '杨乡镇（演示）');
    await screenshot(page, 'verbs-signers-after');
    await approveOnPage(page, reviewId);
    await logOut(page);

    await logIn(page, 'township');
    await approveOnPage(page, reviewId);
    const instance = await call('GET', `/api/process-instances/${instanceId}`, await token('principal'));
    expect(instance.state).toBe('completed');
    await context.close();
  }, 300_000);

  it('会签 in parallel: each co-signer votes on the task page on a phone, a rejection needs its reason, the holder sees the outcome', async () => {
    const { reviewId } = await caseAtReview();
    const { context, page } = await newPage(browser);
    await page.setViewportSize(DESK);
    await logIn(page, 'principal');
    await page.goto(`/tasks/${reviewId}`);
    await page.getByTestId('task-add-signers').click();
    await page.getByTestId('signers-usernames').fill('basic-edu, township');
    await page.getByTestId('signers-mode').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '会签' }).first().click();
    await page.getByTestId('signers-confirm').click();
    await expectText(page.getByTestId('task-signing'), '杨乡镇（演示）');
    await logOut(page);

    await page.setViewportSize(PHONE);
    for (const [username, opinion] of [
      ['basic-edu', '材料齐全，同意'],
      ['township', '已核实家庭情况，同意'],
    ]) {
      await logIn(page, username);
      await page.goto(`/tasks/${reviewId}`);
      const vote = page.getByTestId('cosign-vote');
      await expectText(vote, '请您会签');
      if (username === 'basic-edu') {
        // refused at the field, nothing sent: a rejection needs its reason
        await vote.getByTestId('cosign-reject').click();
        await expectText(vote, '不同意时请写明理由');
        await screenshot(page, 'verbs-cosign-phone');
      }
      await vote.getByTestId('cosign-opinion').fill(opinion);
      // a co-signer reads the case and votes; the step's form and its verbs stay the holder's
      expect(await page.getByTestId('task-form').count()).toBe(0);
      expect(await page.getByTestId('task-add-signers').count()).toBe(0);
      await vote.getByTestId('cosign-approve').click();
      await page.waitForURL(/\/inbox$/);
      await logOut(page);
    }

    await page.setViewportSize(DESK);
    await logIn(page, 'principal');
    await page.goto(`/tasks/${reviewId}`);
    await expectText(page.getByTestId('task-signing'), '会签通过');
    await expectText(page.getByTestId('task-signing'), '已核实家庭情况，同意');
    expect(await page.getByTestId('cosign-vote').count()).toBe(0);
    await approveOnPage(page, reviewId);
    await context.close();
  }, 300_000);

  it('撤回 and 催办 from 已办 on a phone, 抄送 from the task page and the copy under 抄送我的', async () => {
    const withdrawCase = await caseAtReview();
    const { context, page } = await newPage(browser);
    await page.setViewportSize(PHONE);
    await logIn(page, 'teacher');
    await page.goto('/inbox');
    await page.getByTestId('inbox-count-done').click();
    await page.getByTestId('done-withdraw').first().click();
    await page.getByTestId('done-verb-text').fill('附件传错了');
    await page.getByTestId('done-verb-confirm').click();
    await expectText(page.locator('.ant-message'), '已撤回');
    const open = await call('GET', '/api/tasks?scope=mine&pageSize=200', await token('teacher'));
    expect(
      open.items.some(
        (x: { instanceId: string; activityId: string }) => x.instanceId === withdrawCase.instanceId && x.activityId === 'apply',
      ),
    ).toBe(true);

    const urgeCase = await caseAtReview();
    await page.reload();
    await page.getByTestId('inbox-count-done').click();
    await page.getByTestId('done-urge').first().click();
    await page.getByTestId('done-verb-text').fill('家长着急');
    await page.getByTestId('done-verb-confirm').click();
    await expectText(page.locator('.ant-message'), '已催办（第 1 次）');
    await screenshot(page, 'verbs-urge-phone');
    await logOut(page);

    await page.setViewportSize(DESK);
    await logIn(page, 'principal');
    await page.goto(`/tasks/${urgeCase.reviewId}`);
    await expectText(page.getByTestId('task-signing'), '已催办 1 次');
    await page.getByTestId('task-cc').click();
    // within the principal's reach (#14 point 1: a teacher at another school is refused)
    await page.getByTestId('cc-usernames').fill('registrar');
    await page.getByTestId('cc-confirm').click();
    await expectText(page.locator('.ant-message'), '已抄送 1 人');
    await logOut(page);

    await page.setViewportSize(PHONE);
    await logIn(page, 'registrar');
    await page.goto('/inbox');
    await page.getByTestId('inbox-count-cc').click();
    await expectText(page.getByTestId('cc-item').first(), student.name);
    await expectText(page.getByTestId('cc-item').first(), '王校长（演示）');
    await screenshot(page, 'verbs-cc-phone');
    await context.close();
  }, 300_000);

  it('every verb is a line in the student file and an entry in the audit log', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(DESK);
    await logIn(page, 'principal');
    await page.goto(`/students/${student.id}`);
    const actions = page.locator('[data-testid="file-event"][data-kind="action"]');
    for (const line of [
      '批量审批：校长审批',
      '前加签：张基教（演示）',
      '加签签署：同意',
      '后加签：杨乡镇（演示）',
      '撤回：校长审批（附件传错了）',
      '催办（第 1 次）：校长审批（家长着急）',
      '抄送：李学籍（演示）',
    ]) {
      await expectText(actions.filter({ hasText: line }).first(), line);
    }
    await screenshot(page, 'verbs-student-file');
    await logOut(page);

    await logIn(page, 'admin');
    await page.goto('/admin/audit');
    const byUser = async (username: string, actions: string[]) => {
      await page.getByPlaceholder('按用户名筛选').fill(username);
      await page.getByPlaceholder('按用户名筛选').press('Enter');
      for (const a of actions) await expectText(page.getByTestId('audit-table'), a);
    };
    await byUser('teacher', ['POST /api/tasks/:id/withdraw', 'POST /api/tasks/:id/urge']);
    await byUser('principal', ['POST /api/tasks/:id/signers', 'POST /api/tasks/:id/cc', 'POST /api/tasks/batch-complete']);
    await context.close();
  }, 300_000);
});
