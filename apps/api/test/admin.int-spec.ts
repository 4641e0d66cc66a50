import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { Like } from 'typeorm';
import { AuditEntry, OrgUnit, User } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';

describe('administration: org units, users, roles, bulk import, audit', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('adds a school, a user with a role there; the user logs in and sees that school', async () => {
    await t
      .http()
      .post('/api/admin/org-units')
      .set(bearer(admin))
      .send({ code: '64042210004', name: '吉强镇第三小学', kind: 'school', parentCode: '640422100' })
      .expect(201);
    const created = await t
      .http()
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({
        username: 'newteacher',
        password: 'Jiao7Shi3Hao',
        displayName: '新老师',
        phone: '13912345678',
        roles: [{ role: 'class-teacher', orgUnit: '64042210004' }],
      })
      .expect(201);
    expect(created.body).toMatchObject({
      username: 'newteacher',
      roles: [{ role: 'class-teacher', orgUnit: '64042210004', orgUnitName: '吉强镇第三小学' }],
    });
    const token = await t.login('newteacher', 'Jiao7Shi3Hao');
    const me = await t.http().get('/api/me').set(bearer(token)).expect(200);
    expect(me.body.roles[0].orgUnit.name).toBe('吉强镇第三小学');
  });

  it('refuses a school under a school, a duplicate code, a weak password and an unknown role, with field details', async () => {
    const bad = await t
      .http()
      .post('/api/admin/org-units')
      .set(bearer(admin))
      .send({ code: '6404221000101', name: 'x', kind: 'school', parentCode: '64042210001' })
      .expect(400);
    expect(bad.body.details[0].field).toBe('parentCode');
    await t
      .http()
      .post('/api/admin/org-units')
      .set(bearer(admin))
      .send({ code: '64042210001', name: 'dup', kind: 'school', parentCode: '640422100' })
      .expect(409);
    const weak = await t
      .http()
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({ username: 'weak', password: 'abcdefgh', displayName: 'w', roles: [] })
      .expect(400);
    expect(weak.body.details[0].field).toBe('password');
    const unknown = await t
      .http()
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({ username: 'unk', password: 'Wei9Zhi4Jue', displayName: 'u', roles: [{ role: 'wizard', orgUnit: '640422' }] })
      .expect(400);
    expect(unknown.body.message).toBe('提交的数据不符合要求');
    const extra = await t.http().post('/api/admin/roles').set(bearer(admin)).send({ key: 'x-role', name: 'x', isGod: true }).expect(400);
    expect(extra.body.details[0]).toMatchObject({ field: 'isGod', keyword: 'whitelistValidation', message: '不允许提交字段 isGod' });
    const extraEn = await t
      .http()
      .post('/api/admin/roles')
      .set(bearer(admin))
      .set('Accept-Language', 'en')
      .send({ key: 'x-role', name: 'x', isGod: true })
      .expect(400);
    expect(extraEn.body.details[0].message).toBe('property isGod should not exist');
    const blank = await t.http().post('/api/admin/roles').set(bearer(admin)).send({ key: 'x-role', name: 42 }).expect(400);
    expect(blank.body.details).toContainEqual(expect.objectContaining({ field: 'name', message: 'name 必须是文本' }));
    // A DTO's own "中文 / English" message is split by language, not replaced.
    const noReason = await t.http().post('/api/tasks/x/return').set(bearer(admin)).send({ reason: '' }).expect(400);
    expect(noReason.body.details[0]).toMatchObject({ field: 'reason', message: '请填写退回原因' });
    const noReasonEn = await t
      .http()
      .post('/api/tasks/x/return')
      .set(bearer(admin))
      .set('Accept-Language', 'en')
      .send({ reason: '' })
      .expect(400);
    expect(noReasonEn.body.details[0].message).toBe('reason is required');
    expect(await t.ds.getRepository(User).findOneBy({ username: 'unk' })).toBeNull();
  });

  it('imports org units from CSV (GBK from Excel too): good rows in, bad rows reported, re-import changes nothing', async () => {
    const csv = [
      '代码,名称,类型,上级代码',
      '64042210005,吉强镇第四小学,学校,640422100',
      '64042210006,吉强镇第五小学,学校,640422999',
      ',无代码学校,学校,640422100',
      '64042210007,吉强镇幼儿园,幼儿园,640422100',
    ].join('\r\n');
    const utf8 = Buffer.from(csv, 'utf8');
    const first = await t.http().post('/api/admin/imports/org-units').set(bearer(admin)).attach('file', utf8, '单位.csv').expect(201);
    expect(first.body).toMatchObject({ rows: 4, accepted: 1, unchanged: 0, dryRun: false });
    expect(first.body.rejected.map((r: { row: number; field?: string }) => [r.row, r.field])).toEqual([
      [3, undefined],
      [4, 'code'],
      [5, 'kind'],
    ]);
    // The same sheet saved by Excel on Chinese Windows arrives GBK-encoded.
    const gbk = iconv.encode(csv, 'gbk');
    const again = await t.http().post('/api/admin/imports/org-units').set(bearer(admin)).attach('file', gbk, '单位.csv').expect(201);
    expect(again.body).toMatchObject({ accepted: 0, unchanged: 1 });
    expect(await t.ds.getRepository(OrgUnit).countBy({ code: '64042210005' })).toBe(1);
  });

  it('imports users from XLSX; a dry run reports the same and writes nothing', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('用户');
    sheet.addRow(['用户名', '姓名', '手机', '角色', '单位代码', '初始密码']);
    sheet.addRow(['imp-a', '导入甲', '13900000011', 'class-teacher', '64042210002', 'Dao7Ru3Mi']);
    sheet.addRow(['imp-b', '导入乙', '1234', 'class-teacher', '64042210002', 'Dao7Ru3Mi']);
    sheet.addRow(['imp-c', '导入丙', '13900000013', 'no-such-role', '64042210002', 'Dao7Ru3Mi']);
    sheet.addRow(['imp-a', '导入甲', '13900000011', 'registrar', '64042210002', '']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const dry = await t
      .http()
      .post('/api/admin/imports/users?dryRun=true')
      .set(bearer(admin))
      .attach('file', file, 'users.xlsx')
      .expect(201);
    expect(dry.body).toMatchObject({ rows: 4, accepted: 2, dryRun: true });
    expect(await t.ds.getRepository(User).findOneBy({ username: 'imp-a' })).toBeNull();
    const real = await t.http().post('/api/admin/imports/users').set(bearer(admin)).attach('file', file, 'users.xlsx').expect(201);
    expect(real.body.accepted).toBe(2);
    expect(real.body.rejected).toEqual([
      { row: 3, field: 'phone', message: expect.stringContaining('手机号') },
      { row: 4, field: 'role', message: expect.stringContaining('未知角色') },
    ]);
    const list = await t.http().get('/api/admin/users?q=imp-a').set(bearer(admin)).expect(200);
    expect(list.body.items[0].roles.map((r: { role: string }) => r.role).sort()).toEqual(['class-teacher', 'registrar']);
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    const res = await t
      .http()
      .post('/api/admin/imports/users')
      .set(bearer(admin))
      .attach('file', Buffer.from('MZ...'), 'virus.exe')
      .expect(400);
    expect(res.body.error).toBe('BAD_FILE');
  });

  it('every write is in the audit log with who and what, passwords redacted', async () => {
    const res = await t.http().get('/api/admin/audit?entity=users&pageSize=100').set(bearer(admin)).expect(200);
    const create = res.body.items.find((e: AuditEntry) => e.action === 'POST /api/admin/users' && e.status === 201);
    expect(create).toMatchObject({ username: 'admin', entity: 'users', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((create.detail as { body: { password: string } }).body.password).toBe('***');
    const imports = await t.http().get('/api/admin/audit?entity=imports').set(bearer(admin)).expect(200);
    expect(imports.body.total).toBeGreaterThanOrEqual(3);
  });
});

describe('concurrent writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('simultaneous imports and user creations all land (no interleaved transactions)', async () => {
    const admin = await t.login('admin');
    // Each import hashes passwords inside its transaction: real async work while the transaction is open.
    const imports = Array.from({ length: 6 }, (_, i) => {
      const csv = `用户名,姓名,角色,单位代码,初始密码\nimp${i}x,导入${i}x,class-teacher,64042210002,Bulk12345\nimp${i}y,导入${i}y,registrar,64042210002,Bulk12345\n`;
      return t.http().post('/api/admin/imports/users').set(bearer(admin)).attach('file', Buffer.from(csv), `u${i}.csv`);
    });
    const creations = Array.from({ length: 6 }, (_, i) =>
      t
        .http()
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({
          username: `bulk${i}`,
          // not 'Bulk12345': it contains the username bulk1, which the password policy refuses
          password: 'Zq9wert-Lm4',
          displayName: `批量${i}`,
          roles: [{ role: 'class-teacher', orgUnit: '64042210002' }],
        }),
    );
    const results = await Promise.all([...imports, ...creations]);
    expect(results.map((r) => (r.status === 201 ? 201 : `${r.status} ${JSON.stringify(r.body)}`))).toEqual(Array(12).fill(201));
    expect(results.slice(0, 6).map((r) => r.body.accepted)).toEqual(Array(6).fill(2));
    expect(await t.ds.getRepository(User).count({ where: { displayName: Like('批量%') } })).toBe(6);
    expect(await t.ds.getRepository(User).count({ where: { displayName: Like('导入%') } })).toBe(12);
  });

  it("a dry run rolling back at the same time as a real import does not take the real import's rows with it", async () => {
    const admin = await t.login('admin');
    const rows = (prefix: string, n: number) =>
      [
        '用户名,姓名,角色,单位代码,初始密码',
        ...Array.from({ length: n }, (_, i) => `${prefix}${i},${prefix}${i},class-teacher,64042210003,Bulk12345`),
      ].join('\n');
    const [dry, real] = await Promise.all([
      t
        .http()
        .post('/api/admin/imports/users?dryRun=true')
        .set(bearer(admin))
        .attach('file', Buffer.from(rows('dry', 6)), 'dry.csv'),
      new Promise((r) => setTimeout(r, 30)).then(() =>
        t
          .http()
          .post('/api/admin/imports/users')
          .set(bearer(admin))
          .attach('file', Buffer.from(rows('real', 2)), 'real.csv'),
      ),
    ]);
    expect([dry.status, real.status]).toEqual([201, 201]);
    expect(await t.ds.getRepository(User).count({ where: { username: Like('real%') } })).toBe(2);
    expect(await t.ds.getRepository(User).count({ where: { username: Like('dry%') } })).toBe(0);
  });
});
