import type { Browser, Page } from 'playwright-core';
import { call, tokenOf } from './support/api';
import { launchBrowser, logIn, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROCESS = 'e2e-outbox';
const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://kcbx.example/bpmn">
  <bpmn:process id="${PROCESS}" name="外发通知测试" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
    <bpmn:userTask id="step" name="校长阅知">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="principal" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="done" />
    <bpmn:endEvent id="done" />
  </bpmn:process>
</bpmn:definitions>`;

/** Asks the API as an admin would by reloading, until the dead letter is there (two tries against a closed port). */
async function waitForDeadLetter(admin: string, title: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { items } = (await call('GET', '/api/admin/notification-deliveries?state=dead', admin)) as { items: { title: string }[] };
    if (items.some((d) => d.title === title)) return;
    if (Date.now() > deadline) throw new Error(`no dead letter "${title}" after 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function openOutbox(page: Page) {
  await page.goto('/admin/notifications');
  await page.getByRole('heading', { name: '通知外发' }).waitFor();
}

describe('通知外发 (issue #17): channels by role, the dead-letter list and resend', () => {
  it('an admin gives 校长 企业微信, a case reaches the principal, the unreachable robot leaves a dead letter the admin resends — on a desk and a phone', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await logIn(page, 'admin');
    await page.getByTestId('side-menu').getByText('通知外发').click();
    await page.getByText('本县已配置：企业微信').waitFor();
    await page.getByTestId('outbox-table').getByText('没有此状态的通知').waitFor();

    const principalRow = page.getByTestId('role-pref-principal');
    await principalRow.getByText('短信').waitFor();
    expect(await principalRow.getByRole('checkbox', { name: '短信' }).isDisabled()).toBe(true); // not configured here
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/admin/notification-preferences/roles/principal') && r.status() === 200),
      principalRow.getByText('企业微信').click(),
    ]);
    await page.getByText('已保存').waitFor();

    const designer = await tokenOf('designer');
    await call('POST', '/api/deployments', designer, { resources: [{ name: `${PROCESS}.bpmn`, content: BPMN }] });
    await call('POST', `/api/process-definitions/key/${PROCESS}/start`, await tokenOf('teacher'), {});
    const admin = await tokenOf('admin');
    await waitForDeadLetter(admin, '新待办：校长阅知');

    await openOutbox(page);
    const row = page.getByTestId('outbox-table').locator('tr.ant-table-row', { hasText: '新待办：校长阅知' });
    await row.waitFor();
    await row.getByText('企业微信').waitFor();
    await row.getByText('校长', { exact: false }).first().waitFor();
    await screenshot(page, 'notification-outbox-desk');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/resend') && r.status() === 201),
      row.getByRole('button', { name: '重新发送' }).click(),
    ]);
    await page.getByText('已重新加入发送队列').waitFor();
    await context.close();

    // after two more tries it is back in the list; on a phone it is a card with the reason and the button
    await waitForDeadLetter(admin, '新待办：校长阅知');
    const phone = await newPage(browser);
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await logIn(phone.page, 'admin');
    await openOutbox(phone.page);
    const card = phone.page.getByTestId('outbox-item').filter({ hasText: '新待办：校长阅知' });
    await card.waitFor();
    await card.getByText('已尝试 2 次', { exact: false }).waitFor();
    const button = card.getByRole('button', { name: '重新发送' });
    await button.waitFor();
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'notification-outbox-phone');
    await phone.context.close();
  });

  it('a principal on a phone chooses 企业微信 for themselves from the bell; a bad mobile is refused at its field', async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, 'principal');
    await page.getByTestId('notification-bell').click();
    // the list opens whole on the phone's screen, not cut off at its left edge (antd places it over a few frames)
    await page.getByTestId('notification-list').waitFor();
    const fits = await page
      .waitForFunction(
        () => {
          const r = document.querySelector('[data-testid="notification-list"]')!.getBoundingClientRect();
          return r.left >= 0 && r.right <= window.innerWidth;
        },
        undefined,
        { timeout: 5000 },
      )
      .then(
        () => true,
        () => false,
      );
    expect({ fits, box: await page.getByTestId('notification-list').boundingBox() }).toMatchObject({ fits: true });
    await screenshot(page, 'notification-list-phone');
    await page.getByTestId('my-notification-settings-open').click();
    const dialog = page.locator('.ant-modal-wrap:visible');
    await dialog.getByText('我的通知方式').waitFor();
    await dialog.getByText('您尚未自行设置').waitFor(); // the role's choice (企业微信, set by the admin above) applies
    expect(await dialog.getByRole('checkbox', { name: '企业微信' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: '钉钉' }).isDisabled()).toBe(true);
    await dialog.getByText('每日汇总').waitFor();
    await dialog.getByRole('switch').click();
    await dialog.getByLabel('手机号（短信、群机器人 @ 提醒）').fill('123');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('手机号须为 11 位数字').waitFor();
    await screenshot(page, 'notification-settings-phone');
    await dialog.getByLabel('手机号（短信、群机器人 @ 提醒）').fill('13800000003');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    expect(await call('GET', '/api/notification-preferences/me', await tokenOf('principal'))).toMatchObject({
      source: 'user',
      channels: ['wecom'],
      digest: true,
      mobile: '13800000003',
    });
    await context.close();
  });
});
