import type { Browser, Page } from 'playwright-core';
import { baseUrl, expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { createForm, drag, publish } from './support/builder-steps';
import { DEMO_PASSWORD } from './support/paths';

/**
 * The policy designer builds a form in the browser: new form, fields dragged from the palette with the mouse
 * (dnd-kit pointer events), reordered by dragging, labels and required set in the property panel, the live
 * preview validating test data, an invalid definition refused with the message at the field, version 1
 * published, then version 2 and the diff between them.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Polls until the value matches (the UI re-renders after the drop / the API's answer), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

/** Publishes a form through the API as the designer (the state the builder then opens). */
async function publishViaApi(definition: { key: string } & Record<string, unknown>): Promise<void> {
  const json = { 'Content-Type': 'application/json' };
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'designer', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${baseUrl()}/api/forms/${definition.key}/publish`, {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ definition }),
  });
  expect(res.status).toBe(200);
}

async function canvasOrder(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="form-canvas"] [data-testid^="canvas-element-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('canvas-element-', '')));
}

describe('form builder', () => {
  it('a designer drags fields onto a new form, sets labels and required, previews, is refused at the field, publishes v1 and v2 and sees the diff', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');
    await page.goto('/design/forms');

    // given a new form
    await createForm(page, 'dropout-interview', '辍学原因访谈', 'Dropout interview');
    expect(page.url()).toContain('/design/forms/dropout-interview');

    // when fields are dragged from the palette onto the canvas
    await drag(page, page.getByTestId('palette-field-text'), 'gap-root-0');
    await page.getByTestId('canvas-element-field_1').waitFor();
    await drag(page, page.getByTestId('palette-field-date'), 'gap-root-1');
    await page.getByTestId('canvas-element-field_2').waitFor();
    await drag(page, page.getByTestId('palette-field-radio'), 'gap-root-2');
    await page.getByTestId('canvas-element-field_3').waitFor();
    expect(await canvasOrder(page)).toEqual(['field_1', 'field_2', 'field_3']);

    // and the date is dragged by its handle above the text field
    await drag(page, page.getByTestId('drag-field_2'), 'gap-root-0');
    await eventually(() => canvasOrder(page), ['field_2', 'field_1', 'field_3']);

    // and the text field gets a key, labels in both languages and is required
    await page.getByTestId('canvas-element-field_1').click();
    await page.getByTestId('prop-name').fill('studentName');
    await page.getByTestId('prop-name').press('Enter');
    await page.getByTestId('canvas-element-studentName').waitFor();
    await page.getByTestId('prop-label-zh').fill('学生姓名');
    await page.getByTestId('prop-label-en').fill('Student name');
    await page.getByTestId('prop-required').click();
    await expectText(page.getByTestId('canvas-element-studentName'), '* 学生姓名');
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('main, .ant-layout-content').forEach((e) => (e.scrollTop = 0));
    });
    await screenshot(page, 'form-builder');

    // then the live preview validates: the required name is missing, then the test data passes
    await page.getByRole('tab', { name: '预览与测试' }).click();
    await expectText(page.getByTestId('preview-test-result'), '1 处不符合要求');
    await page.getByTestId('form-preview').getByRole('button', { name: '校验' }).click();
    await expectText(page.getByTestId('form-preview'), '学生姓名');
    await page.getByTestId('preview-test-data').fill('{"studentName": "马小花", "field_3": "option2"}');
    await page.getByTestId('preview-load').click();
    await expectText(page.getByTestId('preview-test-result'), '测试数据符合表单要求');
    await page.getByTestId('form-preview').getByRole('button', { name: '校验' }).click();
    await page.getByTestId('preview-passed').waitFor();
    await screenshot(page, 'form-builder-preview');

    // when the English label is left empty and the designer publishes, then the API refuses and says why at the field
    await page.getByRole('tab', { name: '设计' }).click();
    await page.getByTestId('canvas-element-studentName').click();
    await page.getByTestId('prop-label-en').fill('');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/forms/dropout-interview/publish')),
      publish(page),
    ]);
    expect(refused.status()).toBe(400);
    await expectText(page.getByTestId('form-problems'), '发布被拒绝');
    await expectText(page.getByTestId('canvas-element-studentName').getByTestId('field-problem'), '此项不能为空');
    await expectText(page.getByTestId('panel-problems'), '此项不能为空');
    await screenshot(page, 'form-builder-refused');

    // when it is fixed and published, then version 1 exists
    await page.getByTestId('prop-label-en').fill('Student name');
    await eventually(() => page.getByTestId('form-problems').count(), 0);
    await publish(page);
    await expectText(page.getByTestId('builder-latest'), '版本 1');

    // when the designer saves a draft, adds a phone field and changes a label, then publishes version 2
    await page.getByTestId('palette-field-phone').click();
    await page.getByTestId('canvas-element-field_4').waitFor();
    await page.getByTestId('builder-save').click();
    await expectText(page.getByTestId('builder-status'), '草稿');
    await page.getByTestId('canvas-element-studentName').click();
    await page.getByTestId('prop-label-zh').fill('学生姓名（全名）');
    await publish(page);
    await expectText(page.getByTestId('builder-latest'), '版本 2');

    // then the versions drawer lists both and shows what changed from 1 to 2
    await page.getByTestId('builder-versions').click();
    const drawer = page.getByTestId('versions-drawer');
    await expectText(drawer.locator('.ant-table-row').first(), 'v2');
    await eventually(() => drawer.locator('.ant-table-row').count(), 2);
    await expectText(page.getByTestId('diff-summary'), '新增 field_4');
    await expectText(page.getByTestId('diff-summary'), '修改 studentName');
    await expectText(page.getByTestId('diff-lines').locator('.diff-added').first(), '"version": 2');
    await expectText(page.getByTestId('diff-lines').locator('.diff-removed').first(), '"version": 1');
    await eventually(() => page.locator('.ant-message-notice').count(), 0); // the toasts fade before the picture
    await screenshot(page, 'form-builder-diff');

    // when version 1 is loaded for editing, then the canvas shows it (the phone field is gone) as unsaved edits
    await page.getByTestId('version-load-1').click();
    await eventually(() => canvasOrder(page), ['field_2', 'studentName', 'field_3']);
    await expectText(page.getByTestId('canvas-element-studentName'), '学生姓名');
    await expectText(page.getByTestId('builder-status'), '有未保存的修改');

    // and the list page shows the form at version 2 with no draft left
    await page.getByRole('button', { name: '返回列表' }).click();
    const row = page.getByTestId('forms-table').locator('tr', { hasText: 'dropout-interview' });
    await expectText(row, 'v2');
    await expectText(row, '辍学原因访谈');
    await context.close();
  });
});

describe('form builder: a new form from its Chinese name', () => {
  it('the key is proposed from the pinyin of the Chinese name, the English name may stay empty, and 发布 asks before it publishes', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');
    await page.goto('/design/forms');
    await page.getByTestId('form-new').click();
    await page.getByTestId('new-form-title-zh').fill('入学登记表');
    await expect(page.getByTestId('new-form-key').inputValue()).resolves.toBe('ru-xue-deng-ji-biao');
    await screenshot(page, 'form-builder-new-form-pinyin');
    await page.getByTestId('new-form-create').click();
    await expectText(page.getByTestId('builder-status'), '新表单');
    expect(page.url()).toContain('/design/forms/ru-xue-deng-ji-biao');

    // a field, then 发布新版本: nothing is published until the designer confirms
    await page.getByTestId('palette-field-text').click();
    await page.getByTestId('canvas-element-field_1').waitFor();
    await page.getByTestId('builder-publish').click();
    await expectText(page.locator('.ant-popconfirm'), '发布后这一版不能再修改');
    await page.locator('.ant-popconfirm').getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('builder-latest').count()).resolves.toBe(0);
    await publish(page);
    await expectText(page.getByTestId('builder-latest'), '版本 1');
    await context.close();
  });
});

describe('form builder: nesting, JSON view, import', () => {
  it('a designer nests a new field into a group by dragging, renames the group in the JSON view, and imports an rjsf form seeing what did not map', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');

    // given a published form opened in the builder from the list
    await publishViaApi({
      key: 'guardian-contact',
      version: 1,
      title: { zh: '监护人联系登记', en: 'Guardian contact' },
      schema: { type: 'object', properties: { guardianName: { type: 'string' } } },
      uiSchema: {
        type: 'VerticalLayout',
        elements: [{ type: 'Control', scope: '#/properties/guardianName', label: { zh: '监护人姓名', en: 'Guardian name' } }],
      },
    });
    await page.goto('/design/forms');
    await page.getByTestId('form-open-guardian-contact').click();
    await expectText(page.getByTestId('builder-status'), '与已发布版本一致');
    await expectText(page.getByTestId('builder-latest'), '版本 1');

    // when a group is added by click (keyboard-friendly path) and a text field is dragged into it
    await page.getByTestId('palette-layout-Group').click();
    const group = page.locator('[data-testid^="canvas-element-"]', { hasText: '分组' }).last();
    const groupPath = await group.getAttribute('data-path');
    expect(groupPath).toMatch(/^\d+$/);
    await drag(page, page.getByTestId('palette-field-text'), `gap-${groupPath}-0`);
    // then the new field sits inside the group
    const nested = group.locator('[data-testid^="canvas-element-field_"]');
    await nested.waitFor();
    expect(await nested.getAttribute('data-path')).toBe(`${groupPath}.0`);

    // when a broken pattern is typed for the nested field, then the message is at that field, not only in a list
    await nested.click();
    await page.getByTestId('prop-pattern').fill('[0-9');
    await expectText(nested.getByTestId('field-problem'), '不是有效的正则表达式');
    await page.getByTestId('prop-pattern').fill('^[0-9]{6}$');
    await eventually(() => nested.getByTestId('field-problem').count(), 0);

    // when the group's caption is changed in the JSON view and applied, then the canvas follows
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = page.getByTestId('json-text');
    const text = await json.inputValue();
    expect(text).toContain('"zh": "分组"');
    await json.fill(text.replace('"zh": "分组"', '"zh": "监护人信息"'));
    await page.getByTestId('json-apply').click();
    await page.getByRole('tab', { name: '设计' }).click();
    await page.locator('[data-testid^="canvas-element-"]', { hasText: '监护人信息' }).first().waitFor();

    // and a JSON syntax error is refused with its line, leaving the canvas as it was
    await page.getByRole('tab', { name: 'JSON' }).click();
    await json.fill('{\n  "key": "guardian-contact",\n  oops\n}');
    await page.getByTestId('json-apply').click();
    await expectText(page.getByTestId('json-error'), '第 3 行');
    await page.getByRole('tab', { name: '设计' }).click();
    await page.locator('[data-testid^="canvas-element-"]', { hasText: '监护人信息' }).first().waitFor();

    // when a note is added from the palette and worded, then it shows on the canvas and in the preview
    await page.getByTestId('palette-note').click();
    await page.getByTestId('note-zh').fill('请核对监护人身份证件');
    await page.locator('[data-testid^="canvas-element-"]', { hasText: '请核对监护人身份证件' }).first().waitFor();
    await page.getByRole('tab', { name: '预览与测试' }).click();
    await expectText(page.getByTestId('form-preview'), '请核对监护人身份证件');
    await page.getByRole('tab', { name: '设计' }).click();

    // when an rjsf form is imported, then what did not map is listed, and using it replaces the canvas
    await page.getByTestId('builder-import').click();
    await page.getByTestId('import-text').fill(
      JSON.stringify({
        schema: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', title: '姓名' }, age: { type: 'integer', title: '年龄' } },
        },
        uiSchema: { age: { 'ui:field': 'geoPicker' } },
      }),
    );
    await page.getByTestId('import-convert').click();
    await expectText(page.getByTestId('import-result'), '转换出 2 个字段；1 项无法对应');
    await expectText(page.getByTestId('import-result'), 'geoPicker');
    await page.getByTestId('import-use').click();
    await page.getByTestId('canvas-element-name').waitFor();
    await page.getByTestId('canvas-element-age').waitFor();
    expect(await canvasOrder(page)).toEqual(['name', 'age']);
    await expectText(page.getByTestId('builder-status'), '有未保存的修改');

    // when the import is saved as a draft and then the draft is discarded, then the published version is back
    await page.getByTestId('builder-save').click();
    await expectText(page.getByTestId('builder-status'), '草稿');
    await page.getByRole('button', { name: '放弃草稿' }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('canvas-element-guardianName').waitFor();
    await expectText(page.getByTestId('builder-status'), '与已发布版本一致');

    // and in English the builder speaks English
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('builder-publish'), 'Publish new version');
    await expectText(page.getByTestId('form-palette'), 'Dropdown');
    await context.close();
  });
});

describe('form builder: import as a new form', () => {
  it('a designer imports a Camunda form-js schema from the list, sees what did not map, and publishes it as version 1', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');
    await page.goto('/design/forms');

    // given a form-js schema with a field whose options come from process variables at runtime
    await page.getByTestId('form-import').click();
    await page.getByTestId('import-key').fill('family-survey');
    await page.getByTestId('import-text').fill(
      JSON.stringify({
        type: 'default',
        id: 'family-survey',
        components: [
          { type: 'textfield', key: 'guardianName', label: '监护人姓名', validate: { required: true } },
          { type: 'number', key: 'children', label: '子女人数' },
          { type: 'select', key: 'township', label: '乡镇', valuesKey: 'townships' },
        ],
      }),
    );
    // when it is converted, then the runtime options are listed as not mapped
    await page.getByTestId('import-convert').click();
    await expectText(page.getByTestId('import-result'), '转换出 3 个字段');
    await expectText(page.getByTestId('import-result'), 'valuesKey');

    // when the result is used, then the builder opens the new form with the imported fields
    await page.getByTestId('import-use').click();
    await page.waitForURL('**/design/forms/family-survey', { waitUntil: 'commit' });
    await page.getByTestId('canvas-element-guardianName').waitFor();
    expect(await canvasOrder(page)).toEqual(['guardianName', 'children', 'township']);
    await expectText(page.getByTestId('canvas-element-guardianName'), '* 监护人姓名');

    // when a table is added and given a third column, then the preview shows a table with those columns
    await page.getByTestId('palette-field-table').click();
    await page.getByTestId('table-columns').waitFor();
    await page.getByTestId('column-add').click();
    await page.getByTestId('column-2').locator('input').nth(1).fill('出生日期');
    await page.getByTestId('column-2').locator('input').nth(2).fill('Born');
    await page.getByRole('tab', { name: '预览与测试' }).click();
    for (const header of ['姓名', '关系', '出生日期']) await expectText(page.getByTestId('form-preview').locator('th'), header);
    await page.getByRole('tab', { name: '设计' }).click();

    // and it publishes as version 1 and appears in the list
    await publish(page);
    await expectText(page.getByTestId('builder-latest'), '版本 1');
    await page.getByRole('button', { name: '返回列表' }).click();
    await expectText(page.getByTestId('forms-table').locator('tr', { hasText: 'family-survey' }), 'v1');
    await context.close();
  });
});
