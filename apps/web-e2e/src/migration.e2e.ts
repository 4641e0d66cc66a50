import type { Browser } from 'playwright-core';
import { DESK, PHONE, expectFitsWidth, expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';

const KEY = 'migration-demo';
const model = (first: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://kcbx.example">
  <bpmn:process id="${KEY}" name="转学核查（迁移演示）" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="${first}" />
    <bpmn:userTask id="${first}" name="班主任核查">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="class-teacher" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="${first}" targetRef="principal" />
    <bpmn:userTask id="principal" name="校长确认">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="principal" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="principal" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/**
 * #18 acceptance 3 in the browser: a policy designer moves a procedure's running cases to its new version from the
 * versions drawer; the confirmation says what happens to cases that cannot move, the result counts the moved ones
 * and names the step the new version lacks for the others. Three cases: one already at the principal's step (moves),
 * two at the teacher's step, which version 2 renames (stay).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  const designer = await tokenOf('designer');
  await call('POST', '/api/deployments', designer, { resources: [{ name: `${KEY}.bpmn`, content: model('teacherCheck') }] });
  const teacher = await tokenOf('teacher');
  const started: string[] = [];
  for (let i = 0; i < 3; i++)
    started.push((await call('POST', `/api/process-definitions/key/${KEY}/start`, teacher, { orgUnit: '64042210001' })).id);
  const mine = await call('GET', '/api/tasks?pageSize=200', teacher);
  const first = mine.items.find((x: { instanceId: string }) => x.instanceId === started[0]);
  await call('POST', `/api/tasks/${first.id}/complete`, teacher, { data: {} });
  await call('POST', '/api/deployments', designer, { resources: [{ name: `${KEY}.bpmn`, content: model('teacherReview') }] });
});
afterAll(async () => {
  await browser?.close();
});

describe('moving running cases to a new version (流程建模 → 版本 → 迁移)', () => {
  it.each([
    ['desk', DESK],
    ['phone', PHONE],
  ])('at %s width the designer sees what will happen and what happened', async (name, viewport) => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize(viewport);
    await logIn(page, 'designer');
    await page.goto(`/design/processes/${KEY}`);
    await page.getByTestId('modeler-versions').click();
    const table = page.getByTestId('versions-table');
    if (name === 'desk') {
      await page.getByTestId('migrate-v1').click();
      // the confirmation is a preview: one case can move, two cannot, and why
      await expectText(page.locator('.ant-modal-confirm'), '可把 v1 的 1 件运行中案件迁移到 v2，现在迁移？');
      await expectText(page.locator('.ant-modal-confirm'), '其余案件留在 v1 办完');
      await expectText(page.getByTestId('migration-refused'), '缺少的环节：班主任核查');
      await screenshot(page, 'migration-confirm');
      await page.locator('.ant-modal-confirm .ant-btn-primary').click();
      await expectText(page.locator('.ant-modal-confirm'), '已迁移 1 件到 v2');
      await expectText(page.getByTestId('migration-refused'), '2 件未迁移：v2 缺少它们当前所在的环节');
      await expectText(page.getByTestId('migration-refused'), '缺少的环节：班主任核查');
      await screenshot(page, 'migration-result');
      await page.locator('.ant-modal-confirm .ant-btn-primary').click();
      // the drawer counts again: two left on version 1, one on version 2
      await expectText(table.locator('tr', { hasText: '2' }).first(), '1');
    } else {
      // on a phone the drawer and its migrate button fit the screen; the preview says nothing more can move
      await page.getByTestId('migrate-v1').click();
      await expectText(page.locator('.ant-modal-confirm'), '可把 v1 的 0 件运行中案件迁移到 v2');
      expect(await page.locator('.ant-modal-confirm .ant-btn-primary').isDisabled()).toBe(true);
      await expectFitsWidth(page);
      await screenshot(page, 'migration-result-phone');
    }
    await context.close();
  });
});
