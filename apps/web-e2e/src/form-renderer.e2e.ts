import * as fs from 'fs';
import iconv from 'iconv-lite';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeResidentId } from '@kcbx/cn-codes';
import { largeForm } from '@kcbx/forms';
import { baseUrl, expectText, launchBrowser, screenshot, tick } from './support/browser';
import { allKinds, categorized } from './support/form-definitions';
import { choose, field, harnessPage, input, messageOf, mount, submit, TINY_PNG, typeDate } from './support/form-harness-page';
import { ensureHarnessBuilt } from './support/harness';
import { DEMO_PASSWORD, repoRoot } from './support/paths';
import { oneStepBpmn } from './support/one-step-bpmn';

/**
 * The form renderer (libs/form-renderer) in real Chromium, mounted by the harness page against the real API
 * server (division levels, attachment upload, login). Each test mounts a definition and works it as a clerk would.
 */
let browser: Browser;
let token: string;
let context: BrowserContext;
let page: Page;

async function api(method: string, url: string, body?: unknown, bearer?: string) {
  const res = await fetch(`${baseUrl()}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const tokenOf = async (username: string) =>
  (await api('POST', '/api/auth/login', { username, password: DEMO_PASSWORD })).body.accessToken as string;

beforeAll(async () => {
  ensureHarnessBuilt();
  browser = await launchBrowser();
  token = await tokenOf('teacher');
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page } = await harnessPage(browser));
});
afterEach(async () => {
  await context?.close();
});

const ID_GIRL = makeResidentId('640422', '2012-03-15', 42, 'female');

describe('form renderer in the browser: field kinds', () => {
  it('every field kind takes input and the submitted data has the right types', async () => {
    await mount(page, { definition: allKinds, token });

    await input(page, 'name').fill('马小花');
    await input(page, 'note').fill('长期在外务工家庭\n由祖父母照看');
    await input(page, 'age').fill('13');
    await input(page, 'distance').fill('4.5');
    await typeDate(input(page, 'returnedOn'), '2026-09-01');
    const leave = field(page, 'leave').locator('input');
    await typeDate(leave.nth(0), '2026-10-08');
    await typeDate(leave.nth(1), '2026-10-12');
    await choose(page, 'grade', '七年级');
    await field(page, 'needs').getByText('送教上门').click();
    await field(page, 'needs').getByText('资助').click();
    await field(page, 'boarding').locator('.ant-switch').click();
    await input(page, 'dorm').fill('3-201');
    await input(page, 'phone').fill('139 9541 2345');
    await choose(page, 'reason', '家庭原因');
    await input(page, 'address.village').fill('新营村');
    await input(page, 'address.group').fill('三组');

    await field(page, 'guardians').getByRole('button', { name: '添加一行' }).click();
    await input(page, 'guardians.0.name').fill('马建国');
    await choose(page, 'guardians.0.relation', 'father');
    await input(page, 'guardians.0.phone').fill('13995412345');

    const [upload] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/attachments') && r.request().method() === 'POST'),
      field(page, 'attachment').locator('input[type=file]').setInputFiles({ name: '证明.png', mimeType: 'image/png', buffer: TINY_PNG }),
    ]);
    expect(upload.status()).toBe(201);
    await expectText(field(page, 'attachment'), '证明.png');

    const pad = field(page, 'signature').locator('canvas');
    await pad.scrollIntoViewIfNeeded(); // mouse coordinates are the window's: the pad must be on screen
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 70);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 40, { steps: 5 });
    await page.mouse.move(box.x + 220, box.y + 90, { steps: 5 });
    await page.mouse.up();

    const data = await submit(page);
    expect(data).toMatchObject({
      name: '马小花',
      note: '长期在外务工家庭\n由祖父母照看',
      age: 13,
      distance: 4.5,
      returnedOn: '2026-09-01',
      leave: ['2026-10-08', '2026-10-12'],
      grade: '七年级',
      needs: ['资助', '送教上门'], // in the order the form lists them, not the order clicked
      boarding: true,
      dorm: '3-201',
      phone: '13995412345',
      reason: 'family',
      address: { village: '新营村', group: '三组' },
      guardians: [{ name: '马建国', relation: 'father', phone: '13995412345' }],
      attachment: { name: '证明.png', type: 'image/png', size: TINY_PNG.length },
    });
    expect(typeof (data.attachment as { id: string }).id).toBe('string');
    expect(String(data.signature)).toMatch(/^data:image\/png;base64,/);
    expect(data).not.toHaveProperty('otherReason'); // hidden by its rule, so not submitted
  });

  it('the resident ID fills birth date and sex, and a wrong check digit is refused in Chinese', async () => {
    await mount(page, { definition: allKinds, token });
    await input(page, 'residentId').fill(ID_GIRL);
    await expectText(field(page, 'residentId'), '出生日期 2012-03-15 · 女');
    await expect(input(page, 'birthDate').inputValue()).resolves.toBe('2012-03-15');
    await expect(field(page, 'sex').locator('.ant-radio-wrapper-checked').textContent()).resolves.toBe('女');

    const last = ID_GIRL.slice(-1);
    const wrong = ID_GIRL.slice(0, 17) + (last === '0' ? '1' : '0');
    await input(page, 'residentId').fill(wrong);
    await input(page, 'residentId').blur();
    await expectText(messageOf(page, 'residentId'), '身份证号校验位错误，请核对号码');
    await expect(page.getByTestId('submitted').isVisible()).resolves.toBe(false);
  });

  it('the region cascader loads province > city > county > township from the API', async () => {
    await mount(page, { definition: allKinds, token });
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/regions') && asked.push(new URL(r.url()).search));
    await field(page, 'region').locator('.ant-select-selector').click();
    for (const name of ['宁夏回族自治区', '固原市', '西吉县', '吉强镇']) {
      await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    }
    await expectText(field(page, 'region'), '宁夏回族自治区 / 固原市 / 西吉县 / 吉强镇');
    expect(asked).toEqual(expect.arrayContaining(['?parent=64', '?parent=6404', '?parent=640422']));
    await input(page, 'name').fill('马小花');
    const data = await submit(page);
    expect(data.region).toBe('640422100');
  });

  it('a file over the size limit or of the wrong type never leaves the browser', async () => {
    await mount(page, { definition: allKinds, token });
    let uploads = 0;
    page.on('request', (r) => r.url().endsWith('/api/attachments') && uploads++);
    await field(page, 'attachment')
      .locator('input[type=file]')
      .setInputFiles({ name: '扫描件.png', mimeType: 'image/png', buffer: Buffer.alloc(1048577, 1) });
    await expectText(field(page, 'attachment').getByRole('alert'), '文件不能超过 1 MB');
    await field(page, 'attachment')
      .locator('input[type=file]')
      .setInputFiles({ name: '安装.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expectText(field(page, 'attachment').getByRole('alert'), '只接受以下文件类型：image/*, .pdf');
    expect(uploads).toBe(0);
  });
});

describe('form renderer in the browser: rules', () => {
  it('SHOW, HIDE, ENABLE and DISABLE follow the answers as they change', async () => {
    await mount(page, { definition: allKinds, token });
    await expect(field(page, 'otherReason').count()).resolves.toBe(0);
    await choose(page, 'reason', '其他');
    await field(page, 'otherReason').waitFor();
    await choose(page, 'reason', '家庭原因');
    await field(page, 'otherReason').waitFor({ state: 'detached' });

    await expect(field(page, 'subsidyNo').count()).resolves.toBe(0);
    await tick(field(page, 'poor').locator('input[type=checkbox]'));
    await field(page, 'subsidyNo').waitFor();

    await expect(input(page, 'dorm').isDisabled()).resolves.toBe(true);
    await field(page, 'boarding').locator('.ant-switch').click();
    await expect(input(page, 'dorm').isEnabled()).resolves.toBe(true);

    await expect(input(page, 'followUp').isEnabled()).resolves.toBe(true);
    await choose(page, 'reason', '厌学');
    await expect(input(page, 'followUp').isDisabled()).resolves.toBe(true);
  });

  it('a field shown by a rule is required only while shown', async () => {
    await mount(page, { definition: allKinds, token });
    await input(page, 'name').fill('马小花');
    await choose(page, 'reason', '其他');
    await page.getByRole('button', { name: '提交' }).click();
    await expectText(messageOf(page, 'otherReason'), '请填写“其他原因说明”');
    await choose(page, 'reason', '厌学');
    const data = await submit(page);
    expect(data.reason).toBe('study');
  });
});

describe('form renderer in the browser: tables and layouts', () => {
  it('table rows are added, validated cell by cell and removed', async () => {
    await mount(page, { definition: allKinds, token });
    await input(page, 'name').fill('马小花');
    const add = field(page, 'guardians').getByRole('button', { name: '添加一行' });
    await add.click();
    await add.click();
    await input(page, 'guardians.0.name').fill('马');
    await input(page, 'guardians.0.phone').fill('123');
    await input(page, 'guardians.1.name').fill('李秀兰');
    await input(page, 'guardians.1.phone').fill('13712345678');
    await page.getByRole('button', { name: '提交' }).click();
    await expectText(messageOf(page, 'guardians.0.name'), '至少填写 2 个字');
    await expectText(messageOf(page, 'guardians.0.phone'), '请输入有效的11位手机号码');
    await expect(messageOf(page, 'guardians.1.phone').count()).resolves.toBe(0);

    await field(page, 'guardians').locator('tbody tr').first().getByRole('button', { name: '删除' }).click();
    await expect(field(page, 'guardians').locator('tbody tr.kcbx-row-item').count()).resolves.toBe(1);
    const data = await submit(page);
    expect(data.guardians).toEqual([{ name: '李秀兰', phone: '13712345678' }]);
  });

  it('a table is filled from the spreadsheet a clerk picks: Excel-style GBK CSV, headers by column title, choices by their shown name', async () => {
    const batch = JSON.parse(fs.readFileSync(path.join(repoRoot, 'forms', 'rectification-batch.form.json'), 'utf8'));
    const csv = fs.readFileSync(path.join(repoRoot, 'counties', '640422', 'samples', 'feedback-problems.csv'), 'utf8');
    await mount(page, { definition: batch, token });
    await input(page, 'source').fill('2026年秋季督导反馈');
    await field(page, 'items')
      .locator('input[type=file]')
      .setInputFiles({
        name: '督导反馈问题.csv',
        mimeType: 'text/csv',
        buffer: iconv.encode(csv, 'gb18030'),
      });
    await expectText(field(page, 'items').locator('.kcbx-sheet-note'), '已从 督导反馈问题.csv 导入 3 行');
    await expect(field(page, 'items').locator('tbody tr.kcbx-row-item').count()).resolves.toBe(3);
    const data = await submit(page);
    const items = data.items as Record<string, unknown>[];
    expect(items.map((i) => i.role)).toEqual(['principal', 'township-official', 'basic-edu-office']);
    expect(items[0]).toMatchObject({ unitCode: '64042210001', deadline: '2026-12-31', responsiblePerson: '王校长' });
  });

  it('tabs switch, and after a failed submit the tab holding the error is marked', async () => {
    await mount(page, { definition: categorized(), token });
    await page.getByRole('tab', { name: '家庭' }).click();
    await input(page, 'phone').fill('13995412345');
    await page.getByRole('tab', { name: '学生' }).click();
    await input(page, 'name').fill('马小花');
    await page.getByRole('button', { name: '提交' }).click();
    await expectText(page.getByRole('tab', { name: /审核/ }), '审核(1)');
    await expect(page.getByRole('tab', { name: /家庭/ }).textContent()).resolves.toBe('家庭');
    await page.getByRole('tab', { name: /审核/ }).click();
    await expectText(messageOf(page, 'decision'), '请填写“审核结论”');
    await choose(page, 'decision', '同意');
    expect(await submit(page)).toEqual({ name: '马小花', phone: '13995412345', decision: '同意' });
  });

  it('the stepper moves on only when the current step is valid, and goes back freely', async () => {
    await mount(page, { definition: categorized('stepper'), token });
    const next = page.getByRole('button', { name: '下一步' });
    await next.click();
    await expectText(messageOf(page, 'name'), '请填写“学生姓名”');
    await expect(input(page, 'phone').isVisible()).resolves.toBe(false);

    await input(page, 'name').fill('马小花');
    await next.click();
    await input(page, 'phone').waitFor();
    await input(page, 'phone').fill('123');
    await next.click();
    await expectText(messageOf(page, 'phone'), '请输入有效的11位手机号码');
    await expect(field(page, 'decision').isVisible()).resolves.toBe(false);

    await page.getByRole('button', { name: '上一步' }).click();
    await expect(input(page, 'name').isVisible()).resolves.toBe(true);
    await next.click();
    await input(page, 'phone').fill('13995412345');
    await next.click();
    await field(page, 'decision').waitFor();
    await choose(page, 'decision', '退回');
    expect(await submit(page)).toEqual({ name: '马小花', phone: '13995412345', decision: '退回' });
  });
});

const filled = {
  name: '马小花',
  residentId: ID_GIRL,
  birthDate: '2012-03-15',
  sex: 'female',
  grade: '七年级',
  region: '640422100',
  phone: '13995412345',
  note: '父母在外务工',
  reason: 'family',
  guardians: [{ name: '马建国', relation: 'father', phone: '13995412345' }],
};

describe('form renderer in the browser: large forms', () => {
  it('a 300-field form mounts widgets as they come near, and submits every value, also of fields never scrolled to', async () => {
    const { definition, data } = largeForm(300, 0);
    await mount(page, { definition, data, token });
    expect(await page.locator('.kcbx-deferred').count()).toBeGreaterThan(200);
    await input(page, 'f0').fill('第一个');
    await page.locator('[data-deferred="f150"]').scrollIntoViewIfNeeded();
    await input(page, 'f150').fill('中间的');
    const submitted = await submit(page);
    expect(submitted).toEqual({ ...data, f0: '第一个', f150: '中间的' });
  });
});

describe('form renderer in the browser: permissions and modes', () => {
  it('a step makes fields read-only or hidden; hidden ones are neither shown nor submitted', async () => {
    await mount(page, {
      definition: allKinds,
      token,
      data: filled,
      permissions: { name: 'readonly', residentId: 'readonly', note: 'hidden', '/guardians/*/phone': 'hidden' },
    });
    await expect(input(page, 'name').isDisabled()).resolves.toBe(true);
    await expect(input(page, 'name').inputValue()).resolves.toBe('马小花');
    await expect(input(page, 'residentId').isDisabled()).resolves.toBe(true);
    await expect(field(page, 'note').count()).resolves.toBe(0);
    await expect(input(page, 'guardians.0.phone').count()).resolves.toBe(0);
    await expect(input(page, 'guardians.0.name').isEnabled()).resolves.toBe(true);
    await expect(input(page, 'phone').isEnabled()).resolves.toBe(true);
    const data = await submit(page);
    expect(data).not.toHaveProperty('note');
    expect(data.guardians).toEqual([{ name: '马建国', relation: 'father' }]);
  });

  it('review mode shows the record with every input disabled and no submit button', async () => {
    await mount(page, { definition: allKinds, token, data: filled, mode: 'review' });
    await expect(input(page, 'name').inputValue()).resolves.toBe('马小花');
    await expectText(field(page, 'region'), '宁夏回族自治区 / 固原市 / 西吉县 / 吉强镇');
    const enabled = await page.locator('.kcbx-form input:not([disabled]):not([type=hidden]), .kcbx-form textarea:not([disabled])').count();
    expect(enabled).toBe(0);
    await expect(page.getByRole('button', { name: '提交' }).count()).resolves.toBe(0);
    await expect(field(page, 'guardians').getByRole('button', { name: '添加一行' }).count()).resolves.toBe(0);
  });

  it('the print view is an A4 sheet in Chinese with values as text and a stamp line', async () => {
    await mount(page, { definition: allKinds, token, data: filled, mode: 'print' });
    const sheet = page.locator('.kcbx-print');
    await expectText(sheet.locator('h1'), '学生情况登记表');
    await expectText(sheet.locator('[data-field="region"]'), '宁夏回族自治区 / 固原市 / 西吉县 / 吉强镇');
    await expectText(sheet.locator('[data-field="sex"]'), '女');
    await expectText(sheet.locator('[data-field="phone"]'), '139 9541 2345');
    await expectText(sheet, '单位盖章');
    await expect(sheet.locator('input').count()).resolves.toBe(0);

    // The glyphs are drawn with a Chinese font, not tofu boxes: ask Chromium which fonts painted the title.
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.kcbx-print h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.reduce((n, f) => n + f.glyphCount, 0)).toBe('学生情况登记表'.length);
    expect(fonts.map((f) => f.familyName).join()).toMatch(/CJK|Hei|Song|Sim|WenQuanYi|Kai|Ming/i);

    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'form-print');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      expect(Math.abs(w - 595.28)).toBeLessThan(1); // A4: 210 mm × 297 mm in points
      expect(Math.abs(h - 841.89)).toBeLessThan(1);
    }
  });
});

const PARITY_BPMN = oneStepBpmn({
  processId: 'harness-record',
  name: '学生情况登记',
  taskName: '填写学生情况',
  formId: 'harness-all-kinds',
  role: 'class-teacher',
});

describe('form renderer in the browser: same verdict as the server', () => {
  it('bad data gets the same errors in the page as from the API completing the step', async () => {
    const designer = await tokenOf('designer');
    const deployed = await api(
      'POST',
      '/api/deployments',
      {
        resources: [
          { name: 'harness-record.bpmn', content: PARITY_BPMN },
          { name: 'harness-all-kinds.form.json', content: JSON.stringify(allKinds) },
        ],
      },
      designer,
    );
    expect(deployed.status).toBe(201);
    const definition = (await api('GET', '/api/forms/harness-all-kinds', undefined, token)).body;
    const started = await api('POST', '/api/process-definitions/key/harness-record/start', { orgUnit: '64042210001' }, token);
    expect(started.status).toBe(201);
    // A first step the starter's role covers goes straight to the starter (issue #13); otherwise it is claimed.
    const inbox = (await api('GET', '/api/tasks?scope=all&processKey=harness-record', undefined, token)).body;
    const task = inbox.items.find((t: { instanceId: string }) => t.instanceId === started.body.id);
    expect(task).toBeDefined();
    if (!task.assignee) await api('POST', `/api/tasks/${task.id}/claim`, {}, token);

    const wrongId = ID_GIRL.slice(0, 17) + (ID_GIRL.endsWith('0') ? '1' : '0');
    const bad = {
      name: '马',
      residentId: wrongId,
      phone: '12345',
      age: 50,
      leave: ['2026-10-12', '2026-10-08'],
      reason: 'other',
      guardians: [{ name: '马', phone: '123' }, { relation: 'mother' }],
    };
    const server = await api('POST', `/api/tasks/${task.id}/complete`, { data: bad }, token);
    expect(server.status).toBe(400);
    const serverErrors = (server.body.details as Array<{ field: string; message: string }>).map(({ field: f, message }) => ({
      field: f,
      message,
    }));
    expect(serverErrors.length).toBeGreaterThanOrEqual(8);

    await mount(page, { definition, token, data: bad });
    const inPage = await page.evaluate(
      ([d, b]) => (window as unknown as { __validate: (d: unknown, b: unknown) => unknown }).__validate(d, b),
      [definition, bad] as const,
    );
    expect(inPage).toEqual(serverErrors);

    // What the clerk sees after pressing submit: under each field, the first message the server gives for it.
    await page.getByRole('button', { name: '提交' }).click();
    await expectText(messageOf(page, 'guardians.1.phone'), '请填写“联系电话”');
    const shown = await page.locator('.kcbx-field-message').evaluateAll((nodes) =>
      nodes.map((n) => ({
        field: '/' + (n.closest('.kcbx-field') as HTMLElement).dataset.field!.split('.').join('/'),
        message: n.textContent,
      })),
    );
    const firstPerField = new Map<string, string>();
    for (const e of serverErrors) if (!firstPerField.has(e.field)) firstPerField.set(e.field, e.message);
    expect(Object.fromEntries(shown.map((s) => [s.field, s.message]))).toEqual(Object.fromEntries(firstPerField));
  });
});

describe('form renderer in the browser: answers a clerk can give', () => {
  /** The county's own 劝返工作记录 (forms/persuasion-visit.form.json), as the API serves it. */
  const persuasionVisit = () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'forms/persuasion-visit.form.json'), 'utf8'));
  const visitRow = { visitNo: 1, visitDate: '2026-11-02', visitors: '马老师、村干部', method: 'home-visit', outcome: '家长同意下周送回' };

  it('学生是否已返校 is 是 / 否 with nothing chosen; left open it is refused at the field, and 否 (not yet back) submits as false', async () => {
    await mount(page, { definition: persuasionVisit(), data: { dropoutCause: 'poverty', visits: [visitRow] }, token });
    const returned = field(page, 'returned');
    await expect(returned.getByRole('radio', { name: '是' }).isChecked()).resolves.toBe(false);
    await expect(returned.getByRole('radio', { name: '否' }).isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: '提交' }).click();
    await expectText(messageOf(page, 'returned'), '请填写“学生是否已返校”');
    // never a silent no: above the button too, for a clerk whose screen shows only the button
    await expectText(page.locator('.kcbx-refused'), '有 1 处需要修改');
    await screenshot(page, 'form-renderer-yes-no-refused');
    await returned.getByText('否', { exact: true }).click();
    const data = await submit(page);
    expect(data.returned).toBe(false);
  });

  it('a table cell flagged while its row was checked is cleared as it is typed in, so the first 提交 submits', async () => {
    // Left with a message until blur, the row shrank as the pointer went down on 提交 and the click missed it:
    // the clerk's first tap did nothing (seen with animations off, as on phones that reduce motion).
    await mount(page, { definition: persuasionVisit(), data: { dropoutCause: 'poverty', returned: false }, token });
    await field(page, 'visits').getByRole('button', { name: '添加一行' }).click();
    await input(page, 'visits.0.visitNo').fill('1');
    await typeDate(input(page, 'visits.0.visitDate'), '2026-11-02');
    await input(page, 'visits.0.visitors').fill('马老师、村干部');
    await choose(page, 'visits.0.method', '入户走访');
    await expectText(messageOf(page, 'visits.0.outcome'), '请填写“结果”');
    await input(page, 'visits.0.outcome').fill('家长同意下周送回');
    await messageOf(page, 'visits.0.outcome').waitFor({ state: 'detached' });
    const data = await submit(page);
    expect(data.visits).toEqual([
      { visitNo: 1, visitDate: '2026-11-02', visitors: '马老师、村干部', method: 'home-visit', outcome: '家长同意下周送回' },
    ]);
  });

  it('a pre-filled field that is emptied stays empty and is refused as empty, not sent with its old value', async () => {
    await mount(page, { definition: allKinds, data: { name: '马小花' }, token });
    const name = input(page, 'name');
    await expect(name.inputValue()).resolves.toBe('马小花');
    await name.click();
    await name.press('Control+a');
    await name.press('Backspace');
    await name.blur();
    await expect(name.inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: '提交' }).click();
    await expectText(messageOf(page, 'name'), '请填写“姓名”');
    await expect(name.inputValue()).resolves.toBe('');
  });

  it('every input on the form has a name a screen reader reads (label for=, aria-label)', async () => {
    await mount(page, { definition: persuasionVisit(), data: { visits: [visitRow] }, token });
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.kcbx-form input, .kcbx-form textarea')]
        .filter((el) => el.type !== 'hidden' && el.type !== 'file' && el.offsetParent !== null)
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  });
});
