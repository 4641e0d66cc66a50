import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { call, tokenOf } from './api';
import { repoRoot } from './paths';

/**
 * Steps a policy designer takes in the modeler (palette, context pad, properties panel), shared by the
 * modeler test and the two-step approval acceptance test, and the forms their setup publishes.
 */

/** Publishes the test fixtures' forms over HTTP (the form builder is tested on its own). */
export async function publishFixtureForms(...names: string[]): Promise<void> {
  const dir = path.join(repoRoot, 'apps', 'api', 'test', 'fixtures');
  const resources = names.map((name) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
  await call('POST', '/api/deployments', await tokenOf('designer'), { name: 'forms', resources });
}

const shape = (page: Page, id: string) => page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);

/** The id of the one selected diagram element. */
export async function selectedId(page: Page): Promise<string> {
  const selected = page.locator('.djs-element.selected');
  await selected.first().waitFor();
  return (await selected.first().getAttribute('data-element-id'))!;
}

export async function select(page: Page, id: string): Promise<void> {
  // Clicking an element that is already selected does not reopen its context pad: clear the selection first.
  // A click that lands while the canvas is still settling (scrolled to an element) can be lost: try again.
  for (let attempt = 1; ; attempt++) {
    const canvas = await page.getByTestId('modeler-canvas').boundingBox();
    await page.mouse.click(canvas!.x + canvas!.width - 30, canvas!.y + canvas!.height - 60);
    await shape(page, id).click();
    const opened = await page
      .locator('.djs-context-pad.open')
      .waitFor({ timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    if (opened && (await selectedId(page)) === id) return;
    if (attempt === 3) throw new Error(`could not select ${id} on the canvas`);
  }
}

/** Opens a new procedure from the procedures page and names it. */
export async function newProcedure(page: Page, name: string, key: string): Promise<void> {
  await page.goto('/design/processes');
  await page.getByTestId('process-new').click();
  await shape(page, 'StartEvent_1').waitFor();
  await page.getByTestId('process-name').fill(name);
  await page.getByTestId('process-name').press('Enter');
  await page.getByTestId('process-key').fill(key);
  await page.getByTestId('process-key').press('Enter');
}

/** Context pad on `fromId`: append a task, type its name, turn it into a user task; returns its id. */
export async function appendUserTask(page: Page, fromId: string, name: string): Promise<string> {
  await select(page, fromId);
  await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
  await page.locator('.djs-direct-editing-parent').waitFor();
  await page.keyboard.insertText(name);
  await page.keyboard.press('Enter');
  const id = await selectedId(page);
  await select(page, id);
  await page.locator('.djs-context-pad [data-action="replace"]').click();
  await page.locator('.djs-popup [data-id="replace-with-user-task"]').click();
  return selectedId(page);
}

/** Palette: drop an end event at (x, y) of the canvas, then connect `fromId` to it with the context pad. */
export async function paletteEndEvent(page: Page, fromId: string, x: number, y: number): Promise<string> {
  const canvas = await page.getByTestId('modeler-canvas').boundingBox();
  // A click on a palette entry picks the shape up; it follows the mouse and the next press drops it.
  await page.locator('.djs-palette [data-action="create.end-event"]').click();
  await page.mouse.move(canvas!.x + x, canvas!.y + y, { steps: 10 });
  await page.mouse.down();
  await page.mouse.up();
  const endId = await selectedId(page);
  await connect(page, fromId, endId);
  return endId;
}

const connectionIds = (page: Page) =>
  page.locator('.djs-connection[data-element-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')!));

/** Context pad "connect" from one element to another; returns the new flow's id. */
export async function connect(page: Page, fromId: string, toId: string): Promise<string> {
  const before = new Set(await connectionIds(page));
  await select(page, fromId);
  await page.locator('.djs-context-pad [data-action="connect"]').click();
  const target = await shape(page, toId).boundingBox();
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 5 });
  await page.mouse.click(target!.x + target!.width / 2, target!.y + target!.height / 2);
  await page.waitForFunction((n) => document.querySelectorAll('.djs-connection[data-element-id]').length > n, before.size);
  return (await connectionIds(page)).find((id) => !before.has(id))!;
}

/** Our Form & roles group in the properties panel (the element must be selected). */
export async function pickForm(page: Page, formKey: string): Promise<void> {
  await page.locator('select[name="kcbx-form"]').selectOption(formKey);
}

export async function tickRole(page: Page, roleKey: string, on = true): Promise<void> {
  const box = page.locator(`input[name="kcbx-role-${roleKey}"]`);
  if (on) await box.check();
  else await box.uncheck();
}

export async function setPermission(page: Page, field: string, permission: 'writable' | 'readonly' | 'hidden'): Promise<void> {
  await page.locator(`select[name="kcbx-perm-${field}"]`).selectOption(permission);
}

/** Opens a group of the properties panel (bpmn-js-properties-panel's zeebe groups start closed). */
export async function openGroup(page: Page, groupId: string): Promise<void> {
  const group = page.locator(`[data-group-id="group-${groupId}"]`);
  if (!(await group.locator('.bio-properties-panel-group-header.open').count()))
    await group.locator('.bio-properties-panel-group-header').click();
}

/** Runs the validation and returns the listed problems' texts ([] when it passed). */
export async function validate(page: Page): Promise<string[]> {
  await page.getByTestId('modeler-validate').click();
  const outcome = page.getByTestId('modeler-problems').or(page.getByTestId('modeler-valid'));
  await outcome.first().waitFor();
  await page.getByTestId('modeler-validate').and(page.locator(':not(.ant-btn-loading)')).waitFor();
  if (await page.getByTestId('modeler-valid').count()) return [];
  return page.getByTestId('modeler-problems').locator('.ant-list-item').allTextContents();
}

/** Context pad on `fromId`: one of its append entries (e.g. append.gateway); returns the new element and its incoming flow. */
export async function appendFromPad(page: Page, fromId: string, action: string): Promise<{ id: string; flow: string }> {
  const before = new Set(await connectionIds(page));
  await select(page, fromId);
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
  await page.waitForFunction((from) => {
    const selected = document.querySelector('.djs-element.selected');
    return !!selected && selected.getAttribute('data-element-id') !== from;
  }, fromId);
  const id = await selectedId(page);
  return { id, flow: (await connectionIds(page)).find((c) => !before.has(c))! };
}
