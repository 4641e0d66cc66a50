import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { baseUrl, expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** The open task of an instance in a user's inbox. */
async function taskOf(token: string, instanceId: string): Promise<string> {
  const inbox = await call('GET', '/api/tasks?scope=all&pageSize=200', token);
  const task = (inbox.items as { id: string; instanceId: string }[]).find((t) => t.instanceId === instanceId);
  if (!task) throw new Error(`no open task of ${instanceId}`);
  return task.id;
}

/**
 * A whole leave application for one child, through the API: applied, returned by the principal with a
 * reason, corrected, approved. The file page must then show all of it.
 */
async function runCase(studentId: string) {
  const fixtures = path.join(repoRoot, 'apps', 'api', 'test', 'fixtures');
  const resources = ['two-step-approval.bpmn', 'leave-application.form.json', 'principal-review.form.json'].map((name) => ({
    name,
    content: fs.readFileSync(path.join(fixtures, name), 'utf8'),
  }));
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
  const teacher = await tokenOf('teacher');
  const principal = await tokenOf('principal');
  const instance = await call('POST', '/api/process-definitions/key/leave-approval/start', teacher, {
    orgUnit: '64042210001',
    studentId,
    variables: { studentId },
  });
  const application = { reason: 'illness', from: '2026-12-01', to: '2027-01-15', guardianPhone: '13800000000' };
  const apply = await taskOf(teacher, instance.id);
  // The hospital's certificate, filed with the case at the first step.
  const upload = new FormData();
  upload.append('file', new Blob([PDF], { type: 'application/pdf' }), '诊断证明.pdf');
  const stored = await fetch(`${baseUrl()}/api/attachments?orgUnit=64042210001`, {
    method: 'POST',
    headers: { authorization: `Bearer ${teacher}` },
    body: upload,
  });
  if (!stored.ok) throw new Error(`upload: ${stored.status} ${await stored.text()}`);
  await call('POST', `/api/tasks/${apply}/attachments`, teacher, { attachmentId: ((await stored.json()) as { id: string }).id });
  await call('POST', `/api/tasks/${apply}/complete`, teacher, { data: application });
  await call('POST', `/api/tasks/${await taskOf(principal, instance.id)}/return`, principal, { reason: '请补充医院诊断证明' });
  await call('POST', `/api/tasks/${await taskOf(teacher, instance.id)}/complete`, teacher, { data: { ...application, to: '2027-02-28' } });
  await call('POST', `/api/tasks/${await taskOf(principal, instance.id)}/complete`, principal, {
    data: { decision: 'approve', comment: '同意' },
  });
}

describe('student file (一生一案)', () => {
  it('shows every step of the child’s cases with who and when, reveals the full ID number on request (audited), and prints as an A4 archive copy', async () => {
    const teacherToken = await tokenOf('teacher');
    const students = await call('GET', '/api/students?orgUnit=64042210001&pageSize=2', teacherToken);
    const student = students.items[1] as { id: string; name: string; idNumberMasked: string };
    const teacherName = (await call('GET', '/api/me', teacherToken)).displayName as string;
    const principalName = (await call('GET', '/api/me', await tokenOf('principal'))).displayName as string;
    await runCase(student.id);

    const { context, page } = await newPage(browser);
    await logIn(page, 'teacher');

    // Given the students list, the child's ID number is masked there.
    await page.getByTestId('side-menu').getByText('学生档案').click();
    await page.getByPlaceholder('姓名、身份证号或学籍号').fill(student.name);
    await page.getByPlaceholder('姓名、身份证号或学籍号').press('Enter');
    const row = page.getByTestId('students-table').locator('tbody tr', { hasText: student.idNumberMasked });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    await row.getByText(student.name).click();

    // The file: the child, then the case step by step with who and when, in time order.
    await page.getByTestId('student-file').waitFor();
    await expectText(page.getByTestId('student-header'), student.name);
    await expectText(page.getByTestId('student-id-number'), student.idNumberMasked);
    // The demo county's own cases for this child are in the file too; this case's lines carry its procedure's name.
    const events = page.getByTestId('file-event').filter({ hasText: '休学申请（两级审批）' });
    await expectText(events.first(), '发起“休学申请（两级审批）”');
    await expectText(events.last(), '“休学申请（两级审批）”办结');
    const lines = (await events.allTextContents()).join('\n');
    const order = [
      '发起“休学申请（两级审批）”',
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
    expect(lines).toContain('上传附件“诊断证明.pdf”');
    expect(lines).toContain(`经办人：${teacherName}`);
    expect(lines).toContain(`经办人：${principalName}`);
    expect(lines).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    // The submitted forms are there as text (label: value), with what was entered — not greyed-out input boxes.
    const firstForm = events.locator('.kcbx-file-form').first();
    const phone = firstForm.locator('[data-field="/guardianPhone"]');
    expect((await phone.textContent())?.replace(/\s/g, '')).toContain('13800000000');
    expect(await firstForm.locator('input, select, textarea').count()).toBe(0);
    await screenshot(page, 'student-file');
    // The filed certificate downloads with its name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      events.filter({ hasText: '诊断证明.pdf' }).getByRole('button', { name: '下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('诊断证明.pdf');

    // The full ID number only on request, and the request is in the audit log.
    await page.getByTestId('reveal-id').click();
    await page
      .getByTestId('student-id-number')
      .filter({ hasText: /^\d{17}[\dX]$/ })
      .waitFor();
    const full = (await page.getByTestId('student-id-number').textContent()) ?? '';
    expect(full.slice(0, 6) + '********' + full.slice(14)).toBe(student.idNumberMasked);
    const audit = await call('GET', '/api/admin/audit?entity=students&pageSize=50', await tokenOf('admin'));
    expect(
      (audit.items as { action: string; entityId: string; username: string }[]).some(
        (e) => e.action === 'student.view-id' && e.entityId === student.id && e.username === 'teacher',
      ),
    ).toBe(true);

    // Printed: no menus or buttons, a title for the archive, the history still there.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('side-menu').isVisible()).toBe(false);
    expect(await page.getByTestId('file-print').isVisible()).toBe(false);
    expect(await page.getByText('控辍保学学生档案（一生一案）').isVisible()).toBe(true);
    expect(await events.first().isVisible()).toBe(true);
    // Acceptance 3: the archive copy has no input boxes or dropdowns anywhere on the page.
    expect(await page.locator('input, select, textarea').count()).toBe(0);
    await screenshot(page, 'student-file-print');
    await context.close();
  });
});
