import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { baseUrl, expectText, launchBrowser, logIn, newPage, PHONE, screenshot } from './support/browser';
import { call, tokenOf } from './support/api';
import { repoRoot } from './support/paths';
import { sidewaysOverflow } from './support/axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCHOOL = '64042210001';

async function deployXiji() {
  const resources = ['forms', 'workflows'].flatMap((dir) =>
    fs
      .readdirSync(path.join(repoRoot, dir))
      .filter((f) => f.endsWith('.form.json') || f.endsWith('.bpmn'))
      .map((name) => ({ name, content: fs.readFileSync(path.join(repoRoot, dir, name), 'utf8') })),
  );
  await call('POST', '/api/deployments', await tokenOf('designer'), { resources });
}

async function upload(token: string) {
  const body = new FormData();
  body.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), '整改佐证.pdf');
  const res = await fetch(`${baseUrl()}/api/attachments?orgUnit=${SCHOOL}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body,
  });
  const file = (await res.json()) as { id: string };
  return { id: file.id, name: '整改佐证.pdf', size: 15, type: 'application/pdf' };
}

async function complete(token: string, instanceId: string, activityId: string, data: Record<string, unknown>) {
  const inbox = await call('GET', '/api/tasks?pageSize=200', token);
  const task = (inbox.items as { id: string; instanceId: string; activityId: string }[]).find(
    (t) => t.instanceId === instanceId && t.activityId === activityId,
  )!;
  await call('POST', `/api/tasks/${task.id}/complete`, token, { data });
}

/** Issue #16 point 6: the 督导室's list of every rectification item and where it stands, on a 390 px phone. */
describe('the inspectorate list of rectification items (issue #16)', () => {
  it('given an item that failed verification twice, then the inspector sees it 整改落实不到位 and at the 纪检组, on a phone', async () => {
    await deployXiji();
    const [inspector, principal] = await Promise.all([tokenOf('inspector'), tokenOf('principal')]);
    const problem = `学校控辍保学月报未按时报送（第 ${Date.now() % 1000} 号）`;
    const item = await call('POST', '/api/process-definitions/key/rectification-item/start', inspector, {
      orgUnit: SCHOOL,
      variables: { problem, responsibleRole: 'principal', responsiblePerson: '王校长（演示）', deadline: '2099-12-31' },
    });
    for (const opinion of ['缺少月报原件', '月报仍缺10月']) {
      const evidence = {
        measuresTaken: '已补报月报',
        evidence: [await upload(principal)],
        paperSubmitted: true,
        completedOn: '2026-12-01',
      };
      await complete(principal, item.id, 'rectify', evidence);
      await complete(inspector, item.id, 'verify', { verdict: 'return', verifyOpinion: opinion });
    }

    const { context, page } = await newPage(browser, PHONE);
    try {
      await logIn(page, 'inspector');
      await page.goto('/rectification');
      const card = page.getByTestId('rectification-card').filter({ hasText: problem });
      await card.waitFor();
      await expectText(card.getByTestId('rectification-stage'), '整改中');
      await expectText(card.getByTestId('rectification-substandard'), '整改落实不到位');
      await expectText(card, '待纪检组问责');
      await expectText(card, '核验未通过 2 次');
      expect(await sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'rectification-list-phone');

      // only the 不到位 items: this one stays
      await page.getByTestId('rectification-substandard-filter').click();
      await card.waitFor();
      expect(page.url()).toContain('substandard=true');
    } finally {
      await context.close();
    }

    // a school's principal has no such list: the page says why, in the API's words; the step back shows why it failed
    const school = await newPage(browser, PHONE);
    try {
      await logIn(school.page, 'principal');
      const inbox = await call('GET', '/api/tasks?pageSize=200', principal);
      const rectify = (inbox.items as { id: string; instanceId: string; activityId: string }[]).find(
        (t) => t.instanceId === item.id && t.activityId === 'rectify',
      )!;
      await school.page.goto(`/tasks/${rectify.id}`);
      const reason = school.page.getByTestId('task-form').locator('.kcbx-field[data-field="lastVerifyOpinion"] textarea');
      await reason.waitFor();
      expect(await reason.inputValue()).toBe('月报仍缺10月');
      expect(await sidewaysOverflow(school.page)).toBe(0);
      await school.page.goto('/rectification');
      await expectText(school.page.locator('body'), '整改销号台账仅供县教体局各室');
    } finally {
      await school.context.close();
    }
  });
});
