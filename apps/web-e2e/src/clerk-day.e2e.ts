import type { Browser, Locator, Page } from 'playwright-core';
import { baseUrl, DESK, expectText, launchBrowser, logIn, logOut, newPage, PHONE, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { sidewaysOverflow } from './support/axe';
import { useDemoServer } from './support/demo-server';
import { settled } from './support/settled';

/**
 * Issue #13 acceptance 1: the clerk's real day in the demo county, walked at a desk (1440×900) and on a phone
 * (390×844), where no page visited may scroll sideways.
 *
 * 劝返复学: the class teacher starts a case (refused without a student), records a visit with 未返校 and submits;
 * the case climbs the county's ladder to the principal's step, which opens empty — none of the teacher's answers.
 * The persuasion procedure has no review with a 审核结论 (each ladder step is a visit of its own), so the review
 * part of the day is the county's 延缓入学/休学 procedure, as the package really has it: the principal's 学校审核
 * opens empty and returns the application with 退回修改 chosen in the form; the teacher sees the 退回 banner and
 * a 退回 notification and resubmits; the principal approves; the township's review opens empty and approves.
 */

useDemoServer();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCHOOL = '64042210001'; // 吉强镇中心小学, the demo teacher's and principal's school
const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

interface Student {
  id: string;
  name: string;
  idNumberMasked: string;
}

/** Every page the story visits is looked at as a person would: loaded, then (on a phone) not wider than the screen. */
async function look(page: Page, width: number): Promise<void> {
  await settled(page);
  if (width === PHONE.width) expect([page.url(), await sidewaysOverflow(page)]).toEqual([page.url(), 0]);
}

const field = (page: Page, name: string): Locator => page.getByTestId('task-form').locator(`[data-field="${name}"]`);

async function pick(page: Page, scope: Locator, option: string): Promise<void> {
  await scope.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The inbox row (desk) or card (phone) of this step for this child, opened from its link. */
async function openFromInbox(page: Page, width: number, step: string, student: string): Promise<void> {
  await page.goto('/inbox');
  const list = page.getByTestId('inbox-table');
  const entry = list.locator('tr, [data-testid="inbox-card"]').filter({ hasText: student }).filter({ hasText: step }).first();
  await entry.waitFor();
  await look(page, width);
  await entry.locator('a[href^="/tasks/"]').first().click();
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await page.getByTestId('task-form').waitFor();
  await look(page, width);
}

/** What the step's own form holds when it opens: every text, select and choice in it, empty ones left out. */
async function filledIn(page: Page): Promise<string[]> {
  return page.getByTestId('task-form').evaluate((form) => {
    const values: string[] = [];
    form.querySelectorAll('input:not([type=radio]):not([type=file]):not([disabled]), textarea').forEach((e) => {
      const v = (e as HTMLInputElement).value;
      if (v) values.push(v);
    });
    form.querySelectorAll('input[type=radio]:checked').forEach((e) => values.push(`checked:${(e as HTMLInputElement).value}`));
    form.querySelectorAll('.ant-select-selection-item').forEach((e) => values.push(e.textContent ?? ''));
    return values;
  });
}

async function submit(page: Page): Promise<void> {
  await page.getByTestId('task-complete').click();
  await page.waitForURL(/\/inbox$/);
}

/** The teacher's deferral application, entered over the API (the long form with its certificate is not the point). */
async function applyForDeferral(student: Student): Promise<void> {
  const teacher = await tokenOf('teacher');
  const instance = await call('POST', '/api/process-definitions/key/deferral-suspension/start', teacher, {
    orgUnit: SCHOOL,
    studentId: student.id,
  });
  const inbox = await call('GET', '/api/tasks?scope=all&pageSize=200', teacher);
  const apply = (inbox.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === instance.id)!;
  const { idNumber } = (await call('GET', `/api/students/${student.id}`, teacher)) as { idNumber: string };
  const upload = new FormData();
  upload.append('file', new Blob([PDF], { type: 'application/pdf' }), '诊断证明.pdf');
  const stored = await fetch(`${baseUrl()}/api/attachments?orgUnit=${SCHOOL}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${teacher}` },
    body: upload,
  });
  if (!stored.ok) throw new Error(`upload: ${stored.status} ${await stored.text()}`);
  const file = (await stored.json()) as { id: string; name: string; size: number };
  await call('POST', `/api/tasks/${apply.id}/complete`, teacher, {
    data: {
      studentName: student.name,
      idNumber,
      applicationType: 'suspension',
      reason: 'illness',
      reasonDetail: '骨折术后需居家康复',
      periodFrom: '2026-12-08',
      periodTo: '2027-06-30',
      certificate: { id: file.id, name: file.name, size: file.size, type: 'application/pdf' },
      guardianName: '马建国',
      guardianRelation: 'father',
      guardianPhone: '13912345678',
    },
  });
}

async function persuasion(page: Page, width: number, student: Student): Promise<void> {
  await logIn(page, 'teacher');
  await look(page, width);
  await page.goto('/start');
  await page.getByTestId('start-card-persuasion-return').click();
  await page.getByTestId('start-submit').waitFor();
  await look(page, width);

  // Without a student the case does not start, and the page says why at the field.
  await page.getByTestId('start-submit').click();
  await expectText(page.getByTestId('start-student'), '此事项针对具体学生，请先选择学生');
  expect(page.url()).toContain('/start/persuasion-return');

  await page.getByTestId('student-picker').click();
  await page.keyboard.type(student.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: student.idNumberMasked }).click();
  await page.getByTestId('start-submit').click();

  // The first step is the teacher's own at once (their role covers it): no claiming.
  await page.waitForURL(/\/tasks\/[^/]+$/);
  await page.getByTestId('task-form').waitFor();
  await look(page, width);
  await expectText(page.getByTestId('task-header'), '劝返走访');
  await expectText(page.getByTestId('task-header'), student.name);
  expect(await page.getByTestId('task-claim').count()).toBe(0);

  await pick(page, field(page, 'dropoutCause'), '外出打工');
  await field(page, 'visits').getByRole('button', { name: '添加一行' }).click();
  const row = field(page, 'visits').locator('tr.kcbx-row-item').first();
  await row.locator('[data-field$="visitNo"] input').fill('1');
  const date = row.locator('[data-field$="visitDate"] input');
  await date.click();
  await date.fill('2026-12-07');
  await date.press('Enter');
  await row.locator('[data-field$="visitors"] input').fill('马老师、村委会主任');
  await pick(page, row.locator('[data-field$="method"]'), '入户走访');
  await row.locator('[data-field$="outcome"] input, [data-field$="outcome"] textarea').first().fill('家长同意考虑，孩子仍在外地');

  // 是/否 with nothing chosen: submitting without an answer is refused at the field, not silently.
  await page.getByTestId('task-complete').click();
  await expectText(field(page, 'returned'), '请');
  expect(page.url()).toMatch(/\/tasks\/[^/]+$/);
  await field(page, 'returned').getByText('否', { exact: true }).click();
  if (width === DESK.width) await screenshot(page, 'clerk-day-persuasion-visit');
  await submit(page);
  await look(page, width);
  await logOut(page);

  // Not back: the ladder's next step is the principal's, and it opens with nothing of the teacher's answers.
  await logIn(page, 'principal');
  await openFromInbox(page, width, '劝返走访', student.name);
  await expectText(page.getByTestId('task-header'), student.name);
  const opened = await filledIn(page);
  expect(opened.filter((v) => /外出打工|马老师|家长同意|checked:false/.test(v))).toEqual([]);
  // The teacher's visit is there to read, as text.
  await expectText(page.getByTestId('earlier-steps'), '家长同意考虑，孩子仍在外地');
  await logOut(page);
}

async function deferralReview(page: Page, width: number, student: Student): Promise<void> {
  await applyForDeferral(student);

  // The principal's review opens empty and returns the application with 退回修改 chosen in the form.
  await logIn(page, 'principal');
  await openFromInbox(page, width, '学校审核', student.name);
  expect(await filledIn(page)).toEqual([]);
  await field(page, 'decision').getByText('退回修改').click();
  await field(page, 'opinion').locator('textarea, input').first().fill('休学截止日期请写到学期末');
  if (width === PHONE.width) await screenshot(page, 'clerk-day-review-phone');
  await submit(page);
  await logOut(page);

  // The teacher sees a 退回 notification and the 退回 banner with the reason, and resubmits.
  await logIn(page, 'teacher');
  await page.getByTestId('notification-bell').click();
  // (the notice names the step and the reason; the reason is this run's own)
  const notice = page
    .getByTestId('notification-item')
    .filter({ hasText: '退回：填报申请' })
    .filter({ hasText: '休学截止日期请写到学期末' })
    .first();
  await notice.waitFor();
  await look(page, width);
  await page.keyboard.press('Escape');
  await openFromInbox(page, width, '填报申请', student.name);
  await expectText(page.getByTestId('task-returned-notice'), '退回');
  await expectText(page.getByTestId('task-returned-notice'), '休学截止日期请写到学期末');
  // The step opens with the teacher's own application, as they sent it.
  expect(await filledIn(page)).toContain('骨折术后需居家康复');
  await submit(page);
  await logOut(page);

  // The principal's review opens empty again (not with their own 退回修改), and approves.
  await logIn(page, 'principal');
  await openFromInbox(page, width, '学校审核', student.name);
  expect(await filledIn(page)).toEqual([]);
  await field(page, 'decision').getByText('同意', { exact: true }).click();
  await field(page, 'opinion').locator('textarea, input').first().fill('情况属实，同意');
  await submit(page);
  await logOut(page);

  // The township's review opens empty — not with the school's 同意 — and approves.
  await logIn(page, 'township');
  await openFromInbox(page, width, '乡镇/教体局审核', student.name);
  expect(await filledIn(page)).toEqual([]);
  await expectText(page.getByTestId('earlier-steps'), '情况属实，同意');
  await field(page, 'decision').getByText('同意', { exact: true }).click();
  await field(page, 'opinion').locator('textarea, input').first().fill('乡镇核实，同意');
  await submit(page);
  await look(page, width);
  await logOut(page);
}

describe('the clerk’s day (issue #13 acceptance 1)', () => {
  let students: Student[] = [];
  beforeAll(async () => {
    // Children of the school with no open step in the demo county, so every inbox row the story looks for is its own.
    const busy = new Set<string>();
    for (const user of ['teacher', 'principal', 'township']) {
      const inbox = await call('GET', '/api/tasks?scope=all&pageSize=200', await tokenOf(user));
      for (const t of inbox.items as { studentId?: string | null }[]) if (t.studentId) busy.add(t.studentId);
    }
    const list = await call('GET', `/api/students?orgUnit=${SCHOOL}&pageSize=50`, await tokenOf('teacher'));
    students = (list.items as Student[]).filter((s) => !busy.has(s.id));
    expect(students.length).toBeGreaterThanOrEqual(2);
  });

  for (const [i, size] of [DESK, PHONE].entries()) {
    it(`${size.width}×${size.height}: a persuasion visit recorded as 未返校, a deferral returned from the form, resubmitted and approved up the line`, async () => {
      const { context, page } = await newPage(browser, size);
      await persuasion(page, size.width, students[i]);
      await deferralReview(page, size.width, students[i]);
      await context.close();
    }, 420_000);
  }
});
