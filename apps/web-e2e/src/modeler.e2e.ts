import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expectText, launchBrowser, logIn, newPage, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';
import {
  appendUserTask,
  newProcedure,
  openGroup,
  paletteEndEvent,
  pickForm,
  publishFixtureForms,
  select,
  setPermission,
  tickRole,
  validate,
} from './support/modeler-steps';

/** A gateway whose condition needs `amount`: started without it, the instance stops with an incident. */
const AMOUNT_CHECK = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://kcbx.example/bpmn">
  <bpmn:process id="amount-check" name="补助金额复核（演示）" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="amountCheck" />
    <bpmn:exclusiveGateway id="amountCheck" name="金额判断" default="small" />
    <bpmn:sequenceFlow id="large" sourceRef="amountCheck" targetRef="countyReview">
      <bpmn:conditionExpression>=amount &gt; 1000</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="small" sourceRef="amountCheck" targetRef="done" />
    <bpmn:userTask id="countyReview" name="县级复核">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="basic-edu-office" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="countyReview" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await publishFixtureForms('leave-application.form.json', 'principal-review.form.json');
});
afterAll(async () => {
  await browser?.close();
});

describe('modeler', () => {
  it('a designer draws start → user task → end, is told what is missing, picks form, roles and field permissions, deploys and sees version 1', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');

    // Given a new procedure drawn with the context pad (start → user task) and the palette (end event)
    await newProcedure(page, '学生返校登记（演示）', 'return-register');
    const task = await appendUserTask(page, 'StartEvent_1', '班主任登记返校');
    await paletteEndEvent(page, task, 700, 234);

    // When it is validated with the task still bare, then both gaps are named
    await page.mouse.click(900, 540); // an empty spot of the canvas: nothing selected
    let problems = await validate(page);
    expect(problems.join('\n')).toContain('步骤“班主任登记返校”没有选择表单');
    expect(problems.join('\n')).toContain('步骤“班主任登记返校”没有候选角色或处理人');
    await screenshot(page, 'modeler-problems');
    // and clicking a problem selects its step (the properties panel shows it)
    await page.mouse.click(1000, 700);
    await page.getByTestId('modeler-problems').getByText('没有选择表单').click();
    await expectText(page.locator('.bio-properties-panel-header-label'), '班主任登记返校');

    // When the form and a county role are picked, and a role the county does not have is typed in the zeebe field
    await select(page, task);
    await pickForm(page, 'leave-application');
    await tickRole(page, 'class-teacher');
    await openGroup(page, 'assignmentDefinition');
    await page.locator('#bio-properties-panel-assignmentDefinitionCandidateGroups').fill('class-teacher,ghost-role');
    await page.locator('input[name="kcbx-role-ghost-role"]').waitFor();
    problems = await validate(page);
    // then only the unknown role is left
    expect(problems).toEqual([expect.stringContaining('候选角色“ghost-role”不是本县的角色')]);

    // When it is unticked in the Form & roles group and the principal's fields are set per step
    const ghost = page.locator('input[name="kcbx-role-ghost-role"]');
    await ghost.click();
    await ghost.waitFor({ state: 'detached' }); // an unknown role is only listed while the step names it
    await setPermission(page, 'decision', 'hidden');
    await setPermission(page, 'comment', 'readonly');
    expect(await validate(page)).toEqual([]);
    await page.locator('select[name="kcbx-perm-comment"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'modeler-form-roles');

    // When deployed, then version 1 is listed
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('modeler-deploy-confirm').click();
    await expectText(page.locator('.ant-message'), '已部署“学生返校登记（演示）”，版本 1');
    const versions = page.getByTestId('versions-table');
    await expectText(versions, '1');
    expect(await versions.locator('tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, 'modeler-versions');

    // and the stored model carries what the engine reads
    const token = await tokenOf('designer');
    const defs = (await call('GET', '/api/process-definitions', token)) as { id: string; key: string; version: number }[];
    const def = defs.find((d) => d.key === 'return-register')!;
    expect(def.version).toBe(1);
    const { xml } = (await call('GET', `/api/process-definitions/${def.id}/xml`, token)) as { xml: string };
    expect(xml).toContain('formId="leave-application"');
    expect(xml).toContain('candidateGroups="class-teacher"');
    const permissions = /name="fieldPermissions" value="([^"]*)"/.exec(xml)![1].replace(/&#34;|&quot;/g, '"');
    expect(JSON.parse(permissions)).toEqual({ decision: 'hidden', comment: 'readonly' });

    // and the procedures page lists it
    await page.goto('/design/processes');
    const table = page.getByTestId('processes-table');
    await expectText(table, '学生返校登记（演示）');
    expect(await table.locator('tr', { hasText: 'return-register' }).locator('td').nth(2).textContent()).toBe('1');
    await screenshot(page, 'processes-list');
    await context.close();
  });
  it('a designer sees an instance stopped by an incident on the monitoring page, fixes its data and retries it', async () => {
    // Given a procedure whose gateway reads a value the case does not have yet
    const token = await tokenOf('designer');
    await call('POST', '/api/deployments', token, {
      name: 'amount-check',
      resources: [{ name: 'amount-check.bpmn', content: AMOUNT_CHECK }],
    });
    await call('POST', '/api/process-definitions/key/amount-check/start', token, { variables: {} });

    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');
    await page.getByTestId('side-menu').getByText('流程监控').click();
    await page.getByTestId('instances-procedure').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'amount-check' }).click();

    // Then its running instance shows the step it stopped at and one incident
    const row = page.getByTestId('instances-table').locator('tbody tr.ant-table-row').first();
    await expectText(row, '金额判断');
    expect(await row.locator('.ant-tag-red').textContent()).toBe('1');
    await row.click();
    const incidents = page.getByTestId('instance-incidents');
    await expectText(incidents, 'EXPRESSION_FAILED');
    await expectText(incidents, 'amount > 1000');
    await page.locator('[data-testid="process-diagram"] [data-element-id="amountCheck"].kcbx-incident').waitFor();
    await screenshot(page, 'instances-incident');

    // When the missing value is entered and the incident retried
    await page.getByTestId('instance-edit-variables').click();
    await page.getByTestId('variables-input').fill('{"amount": 2000}');
    await page.locator('.ant-modal').getByRole('button', { name: '保存' }).click();
    await expectText(page.getByTestId('instance-variables'), '"amount": 2000');
    await incidents.getByTestId('incident-retry').click();

    // Then the incident is gone and the case moved on to the county review
    await expectText(page.locator('.ant-message'), '已重试“金额判断”');
    await expectText(incidents, '没有故障');
    await expectText(page.locator('.ant-drawer .ant-descriptions'), '县级复核');
    await context.close();
  });

  it('a designer uploads a Camunda 8 file, it opens in the modeler (in English too), validates and deploys', async () => {
    const { context, page } = await newPage(browser);
    await logIn(page, 'designer');
    await page.goto('/design/processes');
    await page.getByTestId('process-upload').waitFor();
    // Given the fixture file chosen in the upload dialog
    await page.locator('input[type="file"]').setInputFiles(path.join(repoRoot, 'apps/api/test/fixtures/two-step-approval.bpmn'));
    // Then the modeler shows it with its name and key, still undeployed
    await page.locator('.djs-shape[data-element-id="review"]').waitFor();
    expect(await page.getByTestId('process-name').inputValue()).toBe('休学申请（两级审批）');
    expect(await page.getByTestId('process-key').inputValue()).toBe('leave-approval');
    // and the Form & roles group reads the file's step settings
    await select(page, 'apply');
    expect(await page.locator('select[name="kcbx-form"]').inputValue()).toBe('leave-application');
    expect(await page.locator('input[name="kcbx-role-class-teacher"]').isChecked()).toBe(true);
    expect(await page.locator('select[name="kcbx-perm-decision"]').inputValue()).toBe('hidden');

    // An edit can be undone from the toolbar
    await page.getByTestId('process-name').fill('改过的名称');
    await page.getByTestId('process-name').press('Enter');
    await page.getByTestId('modeler-undo').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="process-name"]') as HTMLInputElement).value === '休学申请（两级审批）',
    );

    // When the UI is switched to English, the modeler keeps the diagram and speaks English
    await page.getByTestId('lang-switch').click();
    await page.locator('.djs-shape[data-element-id="review"]').waitFor();
    await select(page, 'apply');
    await expectText(page.locator('.bio-properties-panel-group-header'), 'Form & roles');
    expect(await page.locator('.djs-context-pad [data-action="append.append-task"]').getAttribute('title')).toBe('Append task');
    expect(await validate(page)).toEqual([]);

    // When deployed under a key of its own (other suites on this server deploy leave-approval too), then it is
    // version 1 and opens again from the procedures list
    await page.getByTestId('process-key').fill('leave-approval-uploaded');
    await page.getByTestId('process-key').press('Enter');
    await page.getByTestId('modeler-deploy').click();
    await page.getByTestId('modeler-deploy-confirm').click();
    await expectText(page.locator('.ant-message'), 'version 1');
    await page.keyboard.press('Escape');
    await page.goto('/design/processes');
    await page
      .getByTestId('processes-table')
      .locator('tr', { hasText: 'leave-approval-uploaded' })
      .getByRole('button', { name: 'Open' })
      .click();
    await page.locator('.djs-shape[data-element-id="review"]').waitFor();
    expect(await page.getByTestId('process-key').isDisabled()).toBe(true);
    await context.close();
  });
});
