import { AuditEntry, OrgUnit, RoleAssignment, User } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';

/** County A (西吉 640422) and county B (隆德 640423) share one server and never see each other. */
describe('tenancy: one county never reads or changes another', () => {
  let t: TestApp;
  let adminA: string;
  let adminB: string;
  let userOfB: User;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
    adminA = await t.login('admin');
    adminB = await t.login('ld-admin');
    userOfB = await t.ds.getRepository(User).findOneByOrFail({ username: 'ld-teacher' });
  });
  afterAll(() => t.close());

  it('/api/me and the org tree show only the own county', async () => {
    const me = await t.http().get('/api/me').set(bearer(adminB)).expect(200);
    expect(me.body.tenant).toMatchObject({ code: '640423', name: '隆德县' });
    const unitsA = await t.http().get('/api/org-units').set(bearer(adminA)).expect(200);
    const unitsB = await t.http().get('/api/org-units').set(bearer(adminB)).expect(200);
    expect(unitsA.body.every((u: { path: string }) => u.path.startsWith('/640422/'))).toBe(true);
    expect(unitsB.body.every((u: { path: string }) => u.path.startsWith('/640423/'))).toBe(true);
    expect(unitsA.body.length).toBeGreaterThan(19);
  });

  it('org units: adding a unit under another county is 404 and adds nothing', async () => {
    const before = await t.ds.getRepository(OrgUnit).count();
    const res = await t
      .http()
      .post('/api/admin/org-units')
      .set(bearer(adminA))
      .send({ code: '64042399901', name: '越界学校', kind: 'school', parentCode: '640423100' })
      .expect(404);
    expect(res.body.error).toBe('NOT_FOUND');
    await t.http().patch('/api/admin/org-units/640423100').set(bearer(adminA)).send({ name: 'x' }).expect(404);
    expect(await t.ds.getRepository(OrgUnit).count()).toBe(before);
  });

  it('users: another county user cannot be listed, read, changed or given roles', async () => {
    const list = await t.http().get('/api/admin/users?pageSize=200').set(bearer(adminA)).expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).not.toContain('ld-teacher');
    await t.http().get(`/api/admin/users/${userOfB.id}`).set(bearer(adminA)).expect(404);
    await t.http().patch(`/api/admin/users/${userOfB.id}`).set(bearer(adminA)).send({ displayName: 'hijack' }).expect(404);
    await t.http().put(`/api/admin/users/${userOfB.id}/roles`).set(bearer(adminA)).send({ roles: [] }).expect(404);
    const after = await t.ds.getRepository(User).findOneByOrFail({ id: userOfB.id });
    expect(after.displayName).toBe(userOfB.displayName);
    expect(await t.ds.getRepository(RoleAssignment).countBy({ userId: userOfB.id })).toBe(1);
  });

  it('users: a role cannot be granted at another county unit', async () => {
    const res = await t
      .http()
      .post('/api/admin/users')
      .set(bearer(adminA))
      .send({
        username: 'cross',
        password: 'Yue6Jie2Xian',
        displayName: '越界',
        roles: [{ role: 'class-teacher', orgUnit: '64042310001' }],
      })
      .expect(404);
    expect(res.body.error).toBe('NOT_FOUND');
    expect(await t.ds.getRepository(User).findOneBy({ username: 'cross' })).toBeNull();
  });

  it('roles and audit: each county sees its own', async () => {
    await t.http().post('/api/admin/roles').set(bearer(adminB)).send({ key: 'ld-only', name: '隆德专用' }).expect(201);
    const rolesA = await t.http().get('/api/admin/roles').set(bearer(adminA)).expect(200);
    expect(rolesA.body.map((r: { key: string }) => r.key)).not.toContain('ld-only');
    const auditA = await t.http().get('/api/admin/audit').set(bearer(adminA)).expect(200);
    expect(auditA.body.items.every((e: AuditEntry) => e.tenantId !== userOfB.tenantId)).toBe(true);
    const auditB = await t.http().get('/api/admin/audit').set(bearer(adminB)).expect(200);
    expect(auditB.body.items.some((e: AuditEntry) => e.action === 'POST /api/admin/roles')).toBe(true);
  });

  it('imports: rows naming another county unit are rejected', async () => {
    const csv = '用户名,姓名,手机,角色,单位代码,初始密码\nimp1,导入一,13900000001,class-teacher,64042310001,Import1234\n';
    const res = await t
      .http()
      .post('/api/admin/imports/users')
      .set(bearer(adminA))
      .attach('file', Buffer.from(csv), 'users.csv')
      .expect(201);
    expect(res.body).toMatchObject({ rows: 1, accepted: 0, rejected: [{ row: 2, field: 'orgUnit' }] });
  });
});
