import { makeResidentId } from '@kcbx/cn-codes';
import { RegisterEntry, RegisterImport } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';

describe('register imports (户籍 / 学籍 / 在校 / 脱贫户)', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
    office = await t.login('basic-edu');
  });
  afterAll(() => t.close());

  const ids = Array.from({ length: 5 }, (_, i) => makeResidentId('640422', `2014-0${i + 1}-1${i}`, 100 + i, i % 2 ? 'female' : 'male'));
  const csv = [
    '姓名,身份证号,性别,出生日期,乡镇,村',
    `马一,${ids[0]},男,2014-01-10,吉强镇,北坡村`,
    `杨二,${ids[1]},女,2014-02-11,吉强镇,南沟村`,
    `李三,${ids[2].slice(0, 17)}${ids[2][17] === '0' ? '1' : '0'},男,,吉强镇,北坡村`,
    `王四,${ids[3]},女,,兴隆镇,东庄村`,
    `王四,${ids[3]},女,,兴隆镇,东庄村`,
    `,${ids[4]},男,,兴隆镇,东庄村`,
  ].join('\n');

  it('imports a household register: good rows kept, bad rows reported by row, never dropped silently', async () => {
    const res = await t
      .http()
      .post('/api/registers/household/imports')
      .set(bearer(office))
      .attach('file', Buffer.from(csv), '户籍.csv')
      .expect(201);
    expect(res.body).toMatchObject({ rows: 6, accepted: 3, rejectedCount: 3, fileName: '户籍.csv' });
    expect(res.body.rejected.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [4, 'idNumber'],
      [6, 'idNumber'],
      [7, 'name'],
    ]);
    expect(await t.ds.getRepository(RegisterEntry).countBy({ importId: res.body.id })).toBe(3);
  });

  it('re-importing the same file changes nothing', async () => {
    const imports = await t.ds.getRepository(RegisterImport).count();
    const entries = await t.ds.getRepository(RegisterEntry).count();
    const again = await t
      .http()
      .post('/api/registers/household/imports')
      .set(bearer(office))
      .attach('file', Buffer.from(csv), '户籍-副本.csv')
      .expect(201);
    expect(again.body.duplicateOf).toBeDefined();
    expect(await t.ds.getRepository(RegisterImport).count()).toBe(imports);
    expect(await t.ds.getRepository(RegisterEntry).count()).toBe(entries);
  });

  it('previews columns and maps unusual headers on request', async () => {
    const odd = ['学生,证号', `马一,${ids[0]}`].join('\n');
    const preview = await t
      .http()
      .post('/api/registers/student/previews')
      .set(bearer(office))
      .attach('file', Buffer.from(odd), 's.csv')
      .expect(201);
    expect(preview.body).toMatchObject({ headers: ['学生', '证号'], mapping: {}, accepted: 0 });
    const refused = await t
      .http()
      .post('/api/registers/student/imports')
      .set(bearer(office))
      .attach('file', Buffer.from(odd), 's.csv')
      .expect(400);
    expect(refused.body.details[0].field).toBe('mapping');
    const mapped = await t
      .http()
      .post('/api/registers/student/imports')
      .set(bearer(office))
      .field('mapping', JSON.stringify({ name: '学生', idNumber: '证号' }))
      .attach('file', Buffer.from(odd), 's.csv')
      .expect(201);
    expect(mapped.body).toMatchObject({ accepted: 1, mapping: { name: '学生', idNumber: '证号' } });
  });

  it('keeps every import with who and when, per county; clerks without ledger rights get 403', async () => {
    const list = await t.http().get('/api/registers/imports').set(bearer(office)).expect(200);
    expect(list.body.length).toBe(2);
    expect(list.body[0]).toMatchObject({ importedAt: expect.any(String), importedBy: expect.any(String) });
    // The clerk reads who imported by name, not by an id.
    const me = await t.http().get('/api/me').set(bearer(office)).expect(200);
    expect(list.body.map((r: { importedByName: string }) => r.importedByName)).toEqual([me.body.displayName, me.body.displayName]);
    const other = await t
      .http()
      .get('/api/registers/imports')
      .set(bearer(await t.login('ld-basic-edu')))
      .expect(200);
    expect(other.body).toEqual([]);
    // Each import keeps its row problems for later; another county cannot open it.
    const household = list.body.find((r: { source: string }) => r.source === 'household');
    const one = await t.http().get(`/api/registers/imports/${household.id}`).set(bearer(office)).expect(200);
    expect(one.body.rejected.map((r: { row: number; field: string }) => [r.row, r.field])).toEqual([
      [4, 'idNumber'],
      [6, 'idNumber'],
      [7, 'name'],
    ]);
    await t
      .http()
      .get(`/api/registers/imports/${household.id}`)
      .set(bearer(await t.login('ld-basic-edu')))
      .expect(404);
    await t
      .http()
      .get('/api/registers/imports')
      .set(bearer(await t.login('teacher')))
      .expect(403);
  });
});
