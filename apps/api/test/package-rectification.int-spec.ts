import * as fs from 'fs';
import * as path from 'path';
import { readTabularFile } from '../src/imports/tabular-file';
import { repositoryRoot } from '../src/seed/package-files';
import { Actor, DAY, deployPackage, isoDay, settle } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 整改销号 from the Xiji package: the inspectorate turns the evaluation's feedback spreadsheet into a batch;
 * each row becomes an item at its responsible unit; units upload evidence; the inspectorate verifies, returns
 * with reasons or signs off; an item past its deadline is put to the inspectorate for supervision.
 */
describe('package: rectification sign-off (整改销号)', () => {
  let t: TestApp;
  let inspector: Actor, principal: Actor, township: Actor, admin: Actor, teacher2: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [inspector, principal, township, admin, teacher2] = await Promise.all(
      ['inspector', 'principal', 'township', 'admin', 'teacher2'].map((u) => Actor.as(t, u)),
    );
  });
  afterAll(() => t.close());

  /**
   * The sample feedback spreadsheet (counties/640422/samples), read as the import pages read spreadsheets;
   * the responsible role is written as people write it (校长) and matched to the form's own choices.
   */
  async function feedbackItems(deadlines: number[]) {
    const file = path.join(repositoryRoot(), 'counties', '640422', 'samples', 'feedback-problems.csv');
    const rows = await readTabularFile('feedback-problems.csv', fs.readFileSync(file));
    const form = await inspector.get('/api/forms/rectification-batch');
    const choices = form.schema.properties.items.items.properties.role.oneOf as { const: string; title: string }[];
    const roleKey = (title: string) => choices.find((c) => c.title === title)?.const;
    return rows.map((r, n) => ({
      problem: r.cells['问题描述'],
      unitCode: r.cells['责任单位代码'],
      role: roleKey(r.cells['责任角色']),
      responsiblePerson: r.cells['责任人'],
      measures: r.cells['整改措施'],
      deadline: isoDay(deadlines[n]), // the sample's dates, moved to "n days from today" for the clock
    }));
  }

  const evidence = async (who: Actor, unit: string, what: string) => ({
    measuresTaken: what,
    evidence: [await who.upload('整改佐证材料.pdf', unit)],
    paperEvidenceFiled: true,
    completedOn: isoDay(0),
  });

  it('given a feedback spreadsheet, when every unit rectifies, one is returned once and one runs late, then every item is signed off and the batch ends', async () => {
    const items = await feedbackItems([10, 5, 20]);
    expect(items.map((i) => [i.unitCode, i.role])).toEqual([
      ['64042210001', 'principal'],
      ['640422100', 'township-official'],
      ['640422', 'admin'],
    ]);
    const batch = await inspector.start('rectification-batch', { orgUnit: '640422' });
    await inspector.complete(batch.id, 'enterItems', { source: '2026年控辍保学第三方评估反馈', items });

    // each row is an item in the responsible unit's inbox, and nowhere else
    const schoolItem = (await principal.inbox()).find((r) => r.processKey === 'rectification-item')!;
    const townshipItem = (await township.inbox()).find(
      (r) => r.processKey === 'rectification-item' && r.instanceId !== schoolItem.instanceId,
    )!;
    const countyItem = (await admin.inbox()).find((r) => r.processKey === 'rectification-item')!;
    expect(new Set([schoolItem.instanceId, townshipItem.instanceId, countyItem.instanceId]).size).toBe(3);
    expect((await teacher2.inbox()).filter((r) => r.processKey === 'rectification-item')).toEqual([]);
    expect(new Date(schoolItem.dueAt!).toISOString().slice(0, 10)).toBe(isoDay(10));

    // the school's evidence is not enough the first time: returned with reasons, rectified again, signed off
    await principal.complete(schoolItem.instanceId, 'rectify', await evidence(principal, '64042210001', '已核对学籍'));
    await inspector.complete(schoolItem.instanceId, 'verify', { verdict: 'return', verifyOpinion: '缺少学籍系统截图，请补充' });
    await principal.complete(schoolItem.instanceId, 'rectify', await evidence(principal, '64042210001', '已补充学籍系统截图并更新台账'));
    await inspector.complete(schoolItem.instanceId, 'verify', { verdict: 'pass', verifyOpinion: '佐证齐全，同意销号' });
    expect((await inspector.instance(schoolItem.instanceId)).state).toBe('completed');

    // the township lets its 5-day deadline pass: the inspectorate gets a supervision task, the item stays open
    expect(await settle(t, 4 * DAY)).toBe(0);
    await settle(t, 6 * DAY);
    await inspector.complete(townshipItem.instanceId, 'supervise', {
      supervisionNote: '已约谈乡镇分管领导，限3日内完成',
      accountability: false,
    });
    expect(await township.sees(townshipItem.instanceId, 'rectify')).toBe(true);
    await township.complete(
      townshipItem.instanceId,
      'rectify',
      await evidence(township, '640422100', '已建立入户走访登记制度，补走访12户'),
    );
    await inspector.complete(townshipItem.instanceId, 'verify', { verdict: 'pass', verifyOpinion: '同意销号' });

    await admin.complete(countyItem.instanceId, 'rectify', await evidence(admin, '640422', '已完成11月学籍比对'));
    expect((await inspector.instance(batch.id)).state).toBe('active');
    await inspector.complete(countyItem.instanceId, 'verify', { verdict: 'pass', verifyOpinion: '同意销号' });

    const done = await inspector.instance(batch.id);
    expect(done.state).toBe('completed');
    expect(done.history.some((h) => h.elementId === 'allSignedOff')).toBe(true);
    const township1 = await inspector.instance(townshipItem.instanceId);
    expect(township1.history.filter((h) => h.type === 'timer-fired')).toHaveLength(1);
    expect(township1.variables).toMatchObject({ verdict: 'pass', paperEvidenceFiled: true, orgUnit: '640422100' });
  });

  it('refuses a batch without items, naming the field', async () => {
    const batch = await inspector.start('rectification-batch', { orgUnit: '640422' });
    const task = await inspector.task(batch.id, 'enterItems');
    const res = await t
      .http()
      .post(`/api/tasks/${task.id}/complete`)
      .set(inspector.auth)
      .send({ data: { source: '督查反馈', items: [] } })
      .expect(400);
    expect(JSON.stringify(res.body.details)).toContain('items');
  });
});
