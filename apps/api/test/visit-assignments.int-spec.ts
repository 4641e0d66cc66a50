import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { repositoryRoot } from '../src/config/repository-root';
import { packageDir } from '../src/seed/package-files';
import { Actor, deployPackage, isoDay } from './support/county-package';
import { bearer, startTestApp, TestApp } from './support/test-app';

interface Compliance {
  required: number | null;
  months: string[];
  people: { displayName: string; office: string; townships: { code: string }[]; visits: number[]; compliantMonths: number }[];
  offices: { office: string; members: number; compliant: number[]; visits: number[] }[];
}

/**
 * 包抓 per person (#16 acceptance 3): the Xiji package's 分工 list is seeded, bureau staff record their visits, and
 * the dashboard judges each person and office against the county parameter visitsPerMonth; the 附件-style list
 * imports as a whole or not at all, its bad cells named by row and column.
 */
describe('包抓 per person: the assignment table and visit compliance', () => {
  let t: TestApp;
  let office: Actor, leader: Actor, subsidy: Actor;
  const thisMonth = isoDay(0).slice(0, 7);

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [office, leader, subsidy] = await Promise.all(['basic-edu', 'bureau', 'subsidy'].map((u) => Actor.as(t, u)));
  });
  afterAll(() => t.close());

  const visit = async (who: Actor, townshipCode: string) => {
    const { id } = await who.start('township-visit', { orgUnit: '640422' });
    await who.complete(id, 'record', {
      townshipCode,
      visitDate: isoDay(0),
      placesVisited: '吉强镇中心小学、吉强镇第二小学',
      findings: '疑似辍学学生2名已入户核实',
      followUp: '督促学校一周内上报劝返进展',
    });
  };
  const compliance = async (who: Actor) => (await who.get('/api/dashboard')).visits as Compliance;
  const list = async (who: Actor) =>
    (await who.get('/api/visit-assignments')) as {
      id: string;
      username: string;
      office: string;
      township: { code: string; name: string };
      schools: { name: string }[];
    }[];
  const upload = (who: Actor, name: string, text: string, dryRun = false) =>
    t
      .http()
      .post(`/api/visit-assignments/imports${dryRun ? '?dryRun=true' : ''}`)
      .set(who.auth)
      .attach('file', Buffer.from(text, 'utf8'), { filename: name, contentType: 'text/csv' });

  it('given the Xiji package, then its 分工 list is the county’s assignment table', async () => {
    const rows = await list(subsidy);
    const shipped = fs.readFileSync(path.join(repositoryRoot(), 'counties', '640422', 'visit-assignments.csv'), 'utf8');
    expect(rows).toHaveLength(shipped.trim().split('\n').length - 1);
    const lead = rows.filter((r) => r.username === 'bureau');
    expect(lead.map((r) => r.township.name).sort()).toEqual(['吉强镇', '新营乡']);
    expect(lead[0].office).toBe('局领导（班子成员）');
    expect(rows.find((r) => r.username === 'basic-edu')!.schools.map((s) => s.name)).toEqual(['吉强镇中心小学', '吉强镇第二小学']);
  });

  it('given two bureau staff with two and one visits this month, then one complies and the other does not, per person and per office', async () => {
    await visit(office, '640422100');
    await visit(office, '640422100');
    await visit(leader, '640422100');
    const v = await compliance(office);
    const m = v.months.indexOf(thisMonth);
    expect(v.required).toBe(2); // the county parameter visitsPerMonth of workflows/county-parameters.bpmn
    const person = (name: string) => v.people.find((p) => p.displayName === name)!;
    expect(person('张基教（演示）').visits[m]).toBe(2);
    expect(person('张基教（演示）').compliantMonths).toBe(1);
    expect(person('王局长（演示）').visits[m]).toBe(1);
    expect(person('王局长（演示）').compliantMonths).toBe(0);
    expect(
      person('王局长（演示）')
        .townships.map((x) => x.code)
        .sort(),
    ).toEqual(['640422100', '640422200']);
    // nobody visited 兴隆镇: its person shows zero, honestly
    expect(person('周资助（演示）').visits[m]).toBe(0);
    const officeOf = (name: string) => v.offices.find((o) => o.office === name)!;
    expect(officeOf('基础教育室')).toMatchObject({ members: 1 });
    expect(officeOf('基础教育室').compliant[m]).toBe(1);
    expect(officeOf('局领导（班子成员）').compliant[m]).toBe(0);
    expect(officeOf('局领导（班子成员）').visits[m]).toBe(1);
    expect(v.offices[0].office).toBe('局领导（班子成员）');
  });

  it('when the county sets visitsPerMonth to 1, then the one visit complies: the number is the county’s, not the code’s', async () => {
    const file = path.join(packageDir('640422'), 'workflows', 'county-parameters.bpmn');
    const xml = fs.readFileSync(file, 'utf8').replace('visitsPerMonth: 2', 'visitsPerMonth: 1');
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'county-parameters.bpmn', content: xml }] })
      .expect(201);
    const v = await compliance(office);
    expect(v.required).toBe(1);
    expect(v.people.find((p) => p.displayName === '王局长（演示）')!.compliantMonths).toBe(1);
    await t
      .http()
      .post('/api/deployments')
      .set(bearer(await t.login('designer')))
      .send({ resources: [{ name: 'county-parameters.bpmn', content: fs.readFileSync(file, 'utf8') }] })
      .expect(201);
    expect((await compliance(office)).required).toBe(2);
  });

  it('given a list with bad cells, then it is refused by row and column and nothing changes', async () => {
    const before = await list(office);
    const csv = [
      '序号,姓名,账号,科室,包抓乡镇,联系学校',
      '1,王局长（演示）,bureau,局领导（班子成员）,兴隆镇,兴隆镇中心小学',
      '2,无此人,,办公室,吉强镇,',
      '3,周资助（演示）,subsidy,资助管理中心,平峰镇,吉强镇中心小学',
      '4,马老师（演示）,teacher,,吉强镇,',
      '5,赵督导（演示）,inspector,督导室,不存在乡,',
      '6,王局长（演示）,bureau,局领导（班子成员）,640422101,',
    ].join('\n');
    const res = await upload(office, '分工.csv', csv).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('5 处问题');
    const at = (row: number) =>
      res.body.details.filter((d: { row: number }) => d.row === row).map((d: { column: string; message: string }) => [d.column, d.message]);
    expect(at(1)).toEqual([]);
    expect(at(3)).toEqual([['姓名', '找不到局机关人员“无此人”']]);
    expect(at(4)).toEqual([['联系学校', '学校“吉强镇中心小学”不在平峰镇']]);
    expect(at(5)).toEqual([['账号', '马老师（演示） 不是局机关包抓人员（须在县教体局或其科室任职，且所任角色可记录包抓走访）']]);
    expect(at(6)).toEqual([['包抓乡镇', '找不到乡镇“不存在乡”']]);
    expect(at(7)).toEqual([['包抓乡镇', '与第 2 行重复：同一人包抓同一乡镇只写一行']]);
    expect(await list(office)).toEqual(before);
  });

  it('given a good list, then a dry run changes nothing and the import replaces the table', async () => {
    const csv =
      '\uFEFF姓名,科室,包抓乡镇,联系学校\n王局长（演示）,局领导（班子成员）,兴隆镇,兴隆镇中心小学；兴隆镇初级中学\n周资助（演示）,,640422102,\n';
    const dry = await upload(office, 'list.csv', csv, true).expect(201);
    expect(dry.body).toMatchObject({ rows: 2, dryRun: true });
    expect(await list(office)).toHaveLength(5);
    await upload(office, 'list.csv', csv).expect(201);
    const rows = await list(office);
    expect(rows.map((r) => [r.username, r.office, r.township.name, r.schools.map((s) => s.name)])).toEqual(
      expect.arrayContaining([
        ['bureau', '局领导（班子成员）', '兴隆镇', ['兴隆镇中心小学', '兴隆镇初级中学']],
        ['subsidy', '资助管理中心', '平峰镇', []],
      ]),
    );
    expect(rows).toHaveLength(2);

    // the same list as an Excel file, as a bureau keeps it
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('分工');
    sheet.addRow(['序号', '姓名', '账号', '科室', '包抓乡镇', '联系学校']);
    sheet.addRow([1, '王局长（演示）', 'bureau', '局领导（班子成员）', '新营乡', '新营乡中心小学、新营乡第二小学']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    await t.http().post('/api/visit-assignments/imports').set(office.auth).attach('file', xlsx, { filename: '分工.xlsx' }).expect(201);
    expect((await list(office)).map((r) => [r.username, r.township.name, r.schools.length])).toEqual([['bureau', '新营乡', 2]]);
  });

  it('edits one assignment at the field; only the office that manages the ledgers may change the table', async () => {
    const [row] = await list(office);
    const changed = await t
      .http()
      .put(`/api/visit-assignments/${row.id}`)
      .set(office.auth)
      .send({ username: row.username, office: row.office, township: '640422100', schools: ['吉强镇初级中学'] })
      .expect(200);
    expect(changed.body.township.name).toBe('吉强镇');
    const refused = await t
      .http()
      .post('/api/visit-assignments')
      .set(office.auth)
      .send({ username: 'basic-edu', township: '吉强镇', schools: ['平峰镇中心小学'] })
      .expect(400);
    expect(refused.body.details).toEqual([{ field: 'schools', message: '学校“平峰镇中心小学”不在吉强镇' }]);
    // the county leading group sits at the county but may not record a township visit (the procedure's starter roles)
    const leadingGroup = await t
      .http()
      .post('/api/visit-assignments')
      .set(office.auth)
      .send({ username: 'leader', township: '吉强镇' })
      .expect(400);
    expect(leadingGroup.body.details[0]).toMatchObject({
      field: 'username',
      message: expect.stringContaining('刘组长（演示） 不是局机关包抓人员'),
    });
    const created = await t
      .http()
      .post('/api/visit-assignments')
      .set(office.auth)
      .send({ username: 'basic-edu', township: '吉强镇' })
      .expect(201);
    expect(created.body.office).toBe('基础教育室');
    const twice = await t
      .http()
      .post('/api/visit-assignments')
      .set(office.auth)
      .send({ username: 'basic-edu', township: '吉强镇' })
      .expect(400);
    expect(twice.body.details[0].field).toBe('township');
    const denied = await t
      .http()
      .post('/api/visit-assignments')
      .set(subsidy.auth)
      .set('Accept-Language', 'en')
      .send({ username: 'subsidy', township: '吉强镇' });
    expect(denied.status).toBe(403);
    await t.http().delete(`/api/visit-assignments/${created.body.id}`).set(office.auth).expect(204);
  });
});
