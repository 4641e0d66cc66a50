import type { Browser, Locator, Page } from 'playwright-core';
import { makeResidentId } from '@kcbx/cn-codes';
import { baseUrl, expectText, launchBrowser, logIn, logOut, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { createForm, drag, publish } from './support/builder-steps';
import { oneStepBpmn } from './support/one-step-bpmn';

/**
 * Acceptance 4 of issue #4, from the builder to a stored submission: the policy designer builds a new form by
 * drag and drop (a resident-ID field, a choice, a field a SHOW rule reveals on that choice, a repeatable
 * table) and publishes version 1; a one-step procedure bound to it is deployed; a class teacher starts it for
 * a child, is refused at the ID field for a wrong check digit (in Chinese), fixes it and submits; the stored
 * submission pins the form's key, version 1 and the published version's hash, with the table rows and the
 * revealed field in its data.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FORM = 'enrolment-check';
const PROCEDURE = 'enrolment-check-e2e';

/** One step for the class teacher with the new form. */
const BPMN = oneStepBpmn({
  processId: PROCEDURE,
  name: '学生就学情况核查',
  taskName: '班主任核查',
  formId: FORM,
  role: 'class-teacher',
  endName: '核查完成',
});

/** Drags a palette field to the end of the form (top level, at this index), selects it and gives it a key. */
async function dropField(page: Page, kind: string, index: number, name: string): Promise<Locator> {
  await drag(page, page.getByTestId(`palette-field-${kind}`), `gap-root-${index}`, { fromTop: true });
  await page.getByTestId('form-canvas').locator(`[data-path="${index}"]`).click();
  await page.getByTestId('prop-name').fill(name);
  await page.getByTestId('prop-name').press('Enter');
  const element = page.getByTestId(`canvas-element-${name}`);
  await element.waitFor();
  return element;
}

async function setLabels(page: Page, zh: string, en: string): Promise<void> {
  await page.getByTestId('prop-label-zh').fill(zh);
  await page.getByTestId('prop-label-en').fill(en);
}

/** Opens an antd select and picks the option with this text. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** A field of the task's form, by its data name (table cells: `family.0.name`). */
const field = (page: Page, name: string) => page.getByTestId('task-form').locator(`[data-field="${name}"]`);

describe('from the form builder to a stored submission', () => {
  it('a designer builds and publishes a form by drag and drop; a teacher is refused for a wrong ID check digit, fixes it and submits; the submission pins version and hash', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');

    // Given a new form in the builder
    await page.goto('/design/forms');
    await createForm(page, FORM, '学生就学情况核查表', 'Enrolment check');

    // When a resident-ID field is dragged from the palette, named and labelled in Chinese, and made required
    await dropField(page, 'resident-id', 0, 'residentId');
    await setLabels(page, '学生身份证号', 'Student ID number');
    await page.getByTestId('prop-required').click();

    // and a single choice with two worded options
    await dropField(page, 'radio', 1, 'status');
    await setLabels(page, '就学状态', 'Schooling');
    const options = [
      ['enrolled', '在读', 'Enrolled'],
      ['out', '未入学', 'Not enrolled'],
    ];
    for (const [i, [value, zh, en]] of options.entries()) {
      const inputs = page.getByTestId(`option-${i}`).locator('input');
      await inputs.nth(0).fill(value);
      await inputs.nth(1).fill(zh);
      await inputs.nth(2).fill(en);
    }

    // and a text field that a SHOW rule reveals only when the choice is 未入学, set in the property panel
    await dropField(page, 'text', 2, 'reason');
    await setLabels(page, '未入学原因', 'Why not enrolled');
    await page.getByTestId('prop-required').click();
    await choose(page, page.getByTestId('rule-effect'), '仅在条件成立时显示');
    await choose(page, page.getByTestId('rule-field'), '就学状态');
    const equals = page
      .getByTestId('field-properties')
      .locator('.ant-form-item')
      .filter({ has: page.locator('label', { hasText: /^等于$/ }) });
    await choose(page, equals.locator('.ant-select'), '未入学');

    // and a repeatable table with two columns
    await dropField(page, 'table', 3, 'family');
    await setLabels(page, '共同生活的家庭成员', 'Household members');
    expect(await page.getByTestId('column-0').locator('input').nth(1).inputValue()).toBe('姓名');
    await page.getByTestId('column-1').locator('input').nth(1).fill('与学生关系');
    await page.getByTestId('column-1').locator('input').nth(2).fill('Relation to the child');

    // then the JSON the builder made holds the rule and the table as intended
    await page.getByRole('tab', { name: 'JSON' }).click();
    const built = JSON.parse(await page.getByTestId('json-text').inputValue());
    expect(built.schema.properties.residentId).toMatchObject({ type: 'string', format: 'resident-id' });
    expect(built.schema.required).toEqual(['residentId', 'reason']);
    expect(built.schema.properties.status.enum).toEqual(['enrolled', 'out']);
    expect(built.schema.properties.family.type).toBe('array');
    expect(Object.keys(built.schema.properties.family.items.properties)).toEqual(['name', 'relation']);
    const reasonControl = built.uiSchema.elements.find((e: { scope: string }) => e.scope === '#/properties/reason');
    expect(reasonControl.rule).toEqual({ effect: 'SHOW', condition: { scope: '#/properties/status', schema: { const: 'out' } } });
    await page.getByRole('tab', { name: '设计' }).click();

    // when it is published, then it is version 1
    await publish(page);
    await expectText(page.getByTestId('builder-latest'), '版本 1');
    await screenshot(page, 'form-builder-to-submission');
    await logOut(page);

    const designer = await tokenOf('designer');
    const versions = (await call('GET', `/api/forms/${FORM}/versions`, designer)) as { version: number; hash: string }[];
    expect(versions.map((v) => v.version)).toEqual([1]);
    // and a one-step procedure bound to the form is deployed (the modeler's own test covers modelling it)
    await call('POST', '/api/deployments', designer, { resources: [{ name: `${PROCEDURE}.bpmn`, content: BPMN }] });

    // Given a child at the class teacher's school
    const teacher = await tokenOf('teacher');
    const students = await call('GET', '/api/students?orgUnit=64042210001&pageSize=1', teacher);
    const student = students.items[0] as { id: string; name: string; idNumberMasked: string };

    // when the teacher starts the procedure for the child from the start page, then its step opens
    await logIn(page, 'teacher');
    await page.getByTestId('side-menu').getByText('发起事项').click();
    await page.getByTestId(`start-card-${PROCEDURE}`).click();
    await page.getByTestId('student-picker').click();
    await page.keyboard.type(student.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: student.idNumberMasked }).click();
    await page.getByTestId('start-submit').click();
    await page.waitForURL(/\/tasks\/[^/]+$/);
    await page.getByTestId('task-form').waitFor();
    const taskId = page.url().split('/tasks/')[1];
    await expectText(page.getByTestId('task-header'), '班主任核查');

    // then the rule keeps the reason hidden until 未入学 is chosen
    await field(page, 'status').waitFor();
    expect(await field(page, 'reason').count()).toBe(0);
    await field(page, 'status').getByText('在读').click();
    expect(await field(page, 'reason').count()).toBe(0);
    await field(page, 'status').getByText('未入学').click();
    await field(page, 'reason').waitFor();
    await expectText(field(page, 'reason'), '未入学原因');
    await field(page, 'reason').locator('input').fill('随父母外出务工，在外地借读');

    // and the table takes rows
    await expectText(page.getByTestId('task-form').locator('th'), '与学生关系');
    const addRow = field(page, 'family').getByRole('button', { name: '添加一行' });
    await addRow.click();
    await addRow.click();
    await field(page, 'family.0.name').locator('input').fill('马建国');
    await field(page, 'family.0.relation').locator('input').fill('父亲');
    await field(page, 'family.1.name').locator('input').fill('李秀兰');
    await field(page, 'family.1.relation').locator('input').fill('母亲');

    // when a resident ID with a wrong check digit is typed and submitted
    const goodId = makeResidentId('640422', '2015-03-15', 12, 'female');
    const badId = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');
    const completes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/tasks/${taskId}/complete`)) completes.push(r.url());
    });
    await field(page, 'residentId').locator('input').fill(badId);
    await page.getByTestId('task-complete').click();

    // then the Chinese message stands at the ID field, and nothing is submitted
    await expectText(field(page, 'residentId').locator('.kcbx-field-message'), '身份证号校验位错误，请核对号码');
    expect(page.url()).toContain(`/tasks/${taskId}`);
    expect(completes).toEqual([]);
    await screenshot(page, 'form-builder-to-submission-refused');
    // and the API refuses the same data too, at the same field and in the same words
    const refused = await fetch(`${baseUrl()}/api/tasks/${taskId}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${teacher}`, 'accept-language': 'zh-CN' },
      body: JSON.stringify({ data: { residentId: badId, status: 'out', reason: '随父母外出务工', family: [] } }),
    });
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { error: string; details: { field: string; message: string }[] };
    expect(problem.error).toBe('FORM_INVALID');
    expect(problem.details).toContainEqual(expect.objectContaining({ field: '/residentId', message: '身份证号校验位错误，请核对号码' }));

    // when the number is corrected, then the message goes, the ID is read back, and the submission is accepted
    await field(page, 'residentId').locator('input').fill(goodId);
    await field(page, 'residentId').locator('.kcbx-field-message').waitFor({ state: 'detached' });
    await expectText(field(page, 'residentId'), '出生日期 2015-03-15');
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/tasks/${taskId}/complete`)),
      page.getByTestId('task-complete').click(),
    ]);
    expect(accepted.status()).toBe(201);
    await page.waitForURL(/\/inbox$/);
    await context.close();

    // Then the stored submission pins the form key, version 1 and the published version's hash, with the data
    const file = await call('GET', `/api/students/${student.id}/file`, teacher);
    const submissions = (
      file.submissions as { formKey: string; formVersion: number; formHash: string; stepName: string; data: Record<string, unknown> }[]
    ).filter((s) => s.formKey === FORM);
    expect(submissions).toHaveLength(1);
    const [stored] = submissions;
    expect(stored.stepName).toBe('班主任核查');
    expect(stored.formVersion).toBe(1);
    expect(stored.formHash).toBe(versions[0].hash);
    expect(stored.data).toEqual({
      residentId: goodId,
      status: 'out',
      reason: '随父母外出务工，在外地借读',
      family: [
        { name: '马建国', relation: '父亲' },
        { name: '李秀兰', relation: '母亲' },
      ],
    });
  });
});
