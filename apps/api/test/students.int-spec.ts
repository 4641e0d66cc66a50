import { makeResidentId } from '@kcbx/cn-codes';
import { AuditEntry, Student } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';

describe('students and the masked ID rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
  });
  afterAll(() => t.close());

  it('the demo register holds invented children with checksum-valid IDs, marked as demo', async () => {
    const students = await t.ds.getRepository(Student).findBy({ schoolPath: '/640422/640422100/64042210001/' });
    expect(students.length).toBe(8);
    expect(students.every((s) => s.isDemo && s.idNumber.startsWith('640422'))).toBe(true);
  });

  it('a teacher lists only their school, with ID numbers masked', async () => {
    const token = await t.login('teacher');
    const res = await t.http().get('/api/students?pageSize=100').set(bearer(token)).expect(200);
    expect(res.body.total).toBe(8);
    for (const s of res.body.items) {
      expect(s.school).toBe('吉强镇中心小学');
      expect(s.idNumberMasked).toMatch(/^640422\*{8}[0-9X]{4}$/);
      expect(s.idNumber).toBeUndefined();
      expect(JSON.stringify(s)).not.toMatch(/\d{17}[\dX]/);
    }
  });

  it('a township official sees every school of the township; the county office the whole county', async () => {
    const township = await t
      .http()
      .get('/api/students?pageSize=1')
      .set(bearer(await t.login('township')))
      .expect(200);
    expect(township.body.total).toBe(24);
    const county = await t
      .http()
      .get('/api/students?pageSize=1')
      .set(bearer(await t.login('basic-edu')))
      .expect(200);
    expect(county.body.total).toBeGreaterThan(300);
  });

  it('the student file shows the full ID to a user in scope, and the view is audited', async () => {
    const token = await t.login('teacher');
    const list = await t.http().get('/api/students?pageSize=1').set(bearer(token)).expect(200);
    const id = list.body.items[0].id;
    const before = await t.ds.getRepository(AuditEntry).countBy({ action: 'student.view-id', entityId: id });
    const file = await t.http().get(`/api/students/${id}`).set(bearer(token)).expect(200);
    expect(file.body.idNumber).toMatch(/^640422\d{11}[\dX]$/);
    expect(await t.ds.getRepository(AuditEntry).countBy({ action: 'student.view-id', entityId: id, username: 'teacher' })).toBe(before + 1);
  });

  it('out of scope or another county: 404, and no full ID leaks', async () => {
    const other = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: '/640422/640422101/64042210101/' });
    await t
      .http()
      .get(`/api/students/${other.id}`)
      .set(bearer(await t.login('teacher')))
      .expect(404);
    const longde = await t.ds.getRepository(Student).findOneByOrFail({ schoolPath: '/640423/640423100/64042310001/' });
    await t
      .http()
      .get(`/api/students/${longde.id}`)
      .set(bearer(await t.login('admin')))
      .expect(404);
    const search = await t
      .http()
      .get(`/api/students?q=${longde.idNumber}`)
      .set(bearer(await t.login('admin')))
      .expect(200);
    expect(search.body.total).toBe(0);
  });

  it('a registrar registers a child; birth date and sex come from the ID; bad IDs are refused in Chinese', async () => {
    const token = await t.login('registrar');
    const idNumber = makeResidentId('640422', '2016-09-01', 901, 'female');
    const created = await t
      .http()
      .post('/api/students')
      .set(bearer(token))
      .send({
        name: '测试女童',
        idNumber,
        school: '64042210001',
        grade: '四年级',
        guardians: [{ name: '测试', relation: '母亲', phone: '13912345678' }],
      })
      .expect(201);
    expect(created.body).toMatchObject({ birthDate: '2016-09-01', sex: 'female', studentNumber: `G${idNumber}`, status: 'enrolled' });
    const bad = await t
      .http()
      .post('/api/students')
      .set(bearer(token))
      .send({ name: '错号', idNumber: idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'), school: '64042210001' })
      .expect(400);
    expect(bad.body.details).toEqual([{ field: 'idNumber', message: expect.stringContaining('校验位') }]);
    await t.http().post('/api/students').set(bearer(token)).send({ name: '重复', idNumber, school: '64042210001' }).expect(409);
    await t
      .http()
      .post('/api/students')
      .set(bearer(token))
      .send({ name: '越权', idNumber: makeResidentId('640422', '2016-01-01', 903, 'male'), school: '64042210101' })
      .expect(403);
    await t
      .http()
      .post('/api/students')
      .set(bearer(await t.login('teacher')))
      .send({ name: 'x', idNumber, school: '64042210001' })
      .expect(403);
  });
});
