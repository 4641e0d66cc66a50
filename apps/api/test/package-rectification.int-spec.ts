import * as fs from 'fs';
import * as path from 'path';
import { readTabularFile } from '../src/imports/tabular-file';
import { repositoryRoot } from '../src/seed/package-files';
import { Actor, DAY, deployPackage, isoDay, settle } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 整改销号 from the Xiji package: the inspectorate turns the evaluation's feedback spreadsheet into a batch;
 * each row becomes an item at its responsible unit; units upload evidence and send the paper copy; the
 * inspectorate verifies, returns with reasons or passes; the 基础教育室 files the records (统一整理归档) and the item is
 * signed off. 整改落实不到位 — verification failed twice (rectificationFailLimit) or the deadline passed — goes to
 * the 纪检组 for an accountability record; the inspectorate's list shows every item and where it stands.
 */
describe('package: rectification sign-off (整改销号)', () => {
  let t: TestApp;
  let inspector: Actor, principal: Actor, township: Actor, office: Actor, teacher2: Actor, discipline: Actor;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [inspector, principal, township, office, teacher2, discipline] = await Promise.all(
      ['inspector', 'principal', 'township', 'basic-edu', 'teacher2', 'discipline'].map((u) => Actor.as(t, u)),
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
    paperSubmitted: true,
    completedOn: isoDay(0),
  });
  const archived = (no: string) => ({ paperReceived: true, archiveNo: no, archivedOn: isoDay(0) });

  it('given a feedback spreadsheet, when every unit rectifies, one is returned once and one runs late, then every item is signed off and the batch ends', async () => {
    const items = await feedbackItems([10, 5, 20]);
    expect(items.map((i) => [i.unitCode, i.role])).toEqual([
      ['64042210001', 'principal'],
      ['640422100', 'township-official'],
      ['640422', 'basic-edu-office'],
    ]);
    const batch = await inspector.start('rectification-batch', { orgUnit: '640422' });
    await inspector.complete(batch.id, 'enterItems', { source: '2026年控辍保学第三方评估反馈', items });

    // each row is an item in the responsible unit's inbox, and nowhere else
    const schoolItem = (await principal.inbox()).find((r) => r.processKey === 'rectification-item')!;
    const townshipItem = (await township.inbox()).find(
      (r) => r.processKey === 'rectification-item' && r.instanceId !== schoolItem.instanceId,
    )!;
    const countyItem = (await office.inbox()).find((r) => r.processKey === 'rectification-item')!;
    expect(new Set([schoolItem.instanceId, townshipItem.instanceId, countyItem.instanceId]).size).toBe(3);
    expect((await teacher2.inbox()).filter((r) => r.processKey === 'rectification-item')).toEqual([]);
    expect(new Date(schoolItem.dueAt!).toISOString().slice(0, 10)).toBe(isoDay(10));

    // the school's evidence is not enough the first time: returned with reasons, rectified again, signed off
    await principal.complete(schoolItem.instanceId, 'rectify', await evidence(principal, '64042210001', '已核对学籍'));
    await inspector.complete(schoolItem.instanceId, 'verify', { verdict: 'return', verifyOpinion: '缺少学籍系统截图，请补充' });
    await principal.complete(schoolItem.instanceId, 'rectify', await evidence(principal, '64042210001', '已补充学籍系统截图并更新台账'));
    await inspector.complete(schoolItem.instanceId, 'verify', { verdict: 'pass', verifyOpinion: '佐证齐全，同意销号' });
    // the paper records are the 基础教育室's to file, not the school's or the inspectorate's
    expect(await principal.sees(schoolItem.instanceId, 'archive')).toBe(false);
    expect(await inspector.sees(schoolItem.instanceId, 'archive')).toBe(false);
    await office.complete(schoolItem.instanceId, 'archive', archived('ZG-2026-001'));
    expect((await inspector.instance(schoolItem.instanceId)).state).toBe('completed');

    // the township lets its 5-day deadline pass: the inspectorate supervises, the 纪检组 records the accountability
    // (整改落实不到位: overdue), and the item stays open until it is rectified
    expect(await settle(t, 4 * DAY)).toBe(0);
    await settle(t, 6 * DAY);
    await inspector.complete(townshipItem.instanceId, 'supervise', { supervisionNote: '已约谈乡镇分管领导，限3日内完成' });
    expect(await township.sees(townshipItem.instanceId, 'rectify')).toBe(true);
    const overdueRecord = await discipline.task(townshipItem.instanceId, 'accountability');
    expect((await discipline.get(`/api/tasks/${overdueRecord.id}`)).formData.finding).toContain('逾期未完成整改');
    await discipline.complete(townshipItem.instanceId, 'accountability', {
      finding: '逾期未完成整改',
      persons: '乡镇分管教育副镇长（演示）',
      measure: 'reminder-talk',
      opinion: '提醒谈话，限期完成',
      decidedOn: isoDay(6),
    });
    // not passed once after the deadline: back to the township, and no second 督办 or 纪检组 record for the same lateness
    await township.complete(townshipItem.instanceId, 'rectify', await evidence(township, '640422100', '已建立入户走访登记制度'));
    await inspector.complete(townshipItem.instanceId, 'verify', { verdict: 'return', verifyOpinion: '未见补走访记录' });
    await settle(t, 7 * DAY);
    expect(await inspector.sees(townshipItem.instanceId, 'supervise')).toBe(false);
    expect(await discipline.sees(townshipItem.instanceId, 'accountability')).toBe(false);
    await township.complete(
      townshipItem.instanceId,
      'rectify',
      await evidence(township, '640422100', '已建立入户走访登记制度，补走访12户'),
    );
    await inspector.complete(townshipItem.instanceId, 'verify', { verdict: 'pass', verifyOpinion: '同意销号' });
    await office.complete(townshipItem.instanceId, 'archive', archived('ZG-2026-002'));

    await office.complete(countyItem.instanceId, 'rectify', await evidence(office, '640422', '已完成11月学籍比对'));
    expect((await inspector.instance(batch.id)).state).toBe('active');
    await inspector.complete(countyItem.instanceId, 'verify', { verdict: 'pass', verifyOpinion: '同意销号' });
    expect((await inspector.instance(batch.id)).state).toBe('active');
    await office.complete(countyItem.instanceId, 'archive', archived('ZG-2026-003'));

    const done = await inspector.instance(batch.id);
    expect(done.state).toBe('completed');
    expect(done.history.some((h) => h.elementId === 'allSignedOff')).toBe(true);
    const township1 = await inspector.instance(townshipItem.instanceId);
    // the deadline timer fires on each rectify step after the deadline, but only the first one is supervised
    expect(township1.history.filter((h) => h.type === 'timer-fired')).toHaveLength(2);
    expect(township1.history.filter((h) => h.type === 'activity-entered' && h.elementId === 'supervise')).toHaveLength(1);
    expect(township1.variables).toMatchObject({ verdict: 'pass', paperSubmitted: true, paperReceived: true, orgUnit: '640422100' });
  });

  it('given an item whose verification fails twice, then it is 整改落实不到位: the 纪检组 records the accountability, the unit still rectifies, and the inspectorate list shows each stage', async () => {
    const items = await feedbackItems([30, 30, 30]);
    const batch = await inspector.start('rectification-batch', { orgUnit: '640422' });
    await inspector.complete(batch.id, 'enterItems', { source: '2026年督导检查反馈', items: [items[0]] });
    const item = (await principal.inbox()).find((r) => r.processKey === 'rectification-item' && r.activityId === 'rectify')!;
    const id = item.instanceId;
    const listed = async () => {
      const list = await inspector.get('/api/rectification/items?pageSize=200');
      return { list, row: (list.items as { instanceId: string }[]).find((r) => r.instanceId === id) as Record<string, unknown> };
    };
    expect((await listed()).row).toMatchObject({
      problem: items[0].problem,
      orgUnit: '64042210001',
      responsibleRole: 'principal',
      deadline: isoDay(30),
      stage: 'rectifying',
      openSteps: ['整改落实并上传佐证'],
      verifyFailures: 0,
      substandard: false,
      accountability: 'none',
    });

    await principal.complete(id, 'rectify', await evidence(principal, '64042210001', '已核对学籍'));
    expect((await listed()).row).toMatchObject({ stage: 'verifying' });
    await inspector.complete(id, 'verify', { verdict: 'return', verifyOpinion: '缺少学籍系统截图' });
    expect(await discipline.sees(id, 'accountability')).toBe(false); // once is not yet 不到位
    const again = await principal.task(id, 'rectify');
    expect((await principal.get(`/api/tasks/${again.id}`)).formData.lastVerifyOpinion).toBe('缺少学籍系统截图'); // why, at the step
    await principal.complete(id, 'rectify', await evidence(principal, '64042210001', '已补截图'));
    await inspector.complete(id, 'verify', { verdict: 'return', verifyOpinion: '截图与台账人数不符' });

    // the second failure: to the 纪检组, with the finding filled in; the school must still rectify
    const record = await discipline.task(id, 'accountability');
    const detail = await discipline.get(`/api/tasks/${record.id}`);
    expect(detail.formData.finding).toBe('核验2次未通过。核验意见：截图与台账人数不符');
    expect(await principal.sees(id, 'rectify')).toBe(true);
    expect(await inspector.sees(id, 'accountability')).toBe(false);
    expect((await listed()).row).toMatchObject({ stage: 'rectifying', verifyFailures: 2, substandard: true, accountability: 'pending' });
    expect((await listed()).row.openSteps).toEqual(expect.arrayContaining(['整改落实并上传佐证', '纪检组问责记录']));

    const res = await t
      .http()
      .post(`/api/tasks/${record.id}/complete`)
      .set(discipline.auth)
      .send({ data: { finding: detail.formData.finding, persons: '王校长（演示）', opinion: '约谈' } })
      .expect(400);
    expect(JSON.stringify(res.body.details)).toContain('measure');
    await discipline.complete(id, 'accountability', {
      finding: detail.formData.finding,
      persons: '王校长（演示）',
      measure: 'criticism',
      opinion: '批评教育，责令一周内整改到位',
      decidedOn: isoDay(0),
    });
    expect((await listed()).row).toMatchObject({ substandard: true, accountability: 'recorded' });

    await principal.complete(id, 'rectify', await evidence(principal, '64042210001', '学籍与台账已逐人核对一致'));
    await inspector.complete(id, 'verify', { verdict: 'pass', verifyOpinion: '同意销号' });
    expect((await listed()).row).toMatchObject({ stage: 'archiving', openSteps: ['基础教育室统一整理归档'] });
    await office.complete(id, 'archive', archived('ZG-2026-010'));
    const { list, row } = await listed();
    expect(row).toMatchObject({ stage: 'signed-off', verifyFailures: 2, substandard: true, accountability: 'recorded', openSteps: [] });
    expect(list.counts['signed-off']).toBeGreaterThanOrEqual(1);
    expect(list.counts.substandard).toBeGreaterThanOrEqual(1);
    const substandardOnly = await inspector.get('/api/rectification/items?substandard=true&pageSize=200');
    expect((substandardOnly.items as { substandard: boolean }[]).every((r) => r.substandard)).toBe(true);
  });

  it('keeps the list to the county bureau: a principal is refused, saying why', async () => {
    const res = await t.http().get('/api/rectification/items').set(principal.auth).expect(403);
    expect(res.body.message).toContain('督导室');
    await t.http().get('/api/rectification/items?stage=nonsense').set(inspector.auth).expect(400);
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
