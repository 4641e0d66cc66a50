import { bearer, startTestApp, TestApp } from './support/test-app';

/** GET /api/roles: the role keys a designer may name as candidateGroups, without needing admin rights. */
describe('role catalogue for the modeler', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
  });
  afterAll(() => t.close());

  it('gives a designer the county roles (keys and names only); a clerk gets 403; another county’s roles stay out', async () => {
    const designer = await t.login('designer');
    const res = await t.http().get('/api/roles').set(bearer(designer)).expect(200);
    const classTeacher = res.body.find((r: { key: string }) => r.key === 'class-teacher');
    expect(classTeacher).toEqual({ key: 'class-teacher', name: '班主任', nameEn: 'Class teacher' });
    expect(res.body.every((r: object) => !('permissions' in r) && !('id' in r))).toBe(true);

    await t
      .http()
      .get('/api/roles')
      .set(bearer(await t.login('teacher')))
      .expect(403);
    await t.http().get('/api/admin/roles').set(bearer(designer)).expect(403); // why the modeler needs its own call

    // a role added in the other county is not offered here
    const ldAdmin = await t.login('ld-admin');
    await t.http().post('/api/admin/roles').set(bearer(ldAdmin)).send({ key: 'ld-only-role', name: '隆德专用' }).expect(201);
    const again = await t.http().get('/api/roles').set(bearer(designer)).expect(200);
    expect(again.body.map((r: { key: string }) => r.key)).not.toContain('ld-only-role');
  });
});
