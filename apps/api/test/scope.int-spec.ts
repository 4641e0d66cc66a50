import { bearer, startTestApp, TestApp } from './support/test-app';

/** "A role at a unit covers the unit and everything below it." */
describe('scope: what school, township and county users see', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const codes = async (username: string) => {
    const res = await t
      .http()
      .get('/api/org-units')
      .set(bearer(await t.login(username)))
      .expect(200);
    return res.body.map((u: { code: string }) => u.code);
  };

  it('a class teacher sees only their school', async () => {
    expect(await codes('teacher')).toEqual(['64042210001']);
  });

  it("a township official sees their township and its schools, not another township's", async () => {
    const seen = await codes('township');
    expect(seen).toEqual(['640422100', '64042210001', '64042210002', '64042210003']);
    expect(seen).not.toContain('64042210101');
  });

  it('a county office sees every township', async () => {
    const seen = await codes('basic-edu');
    expect(seen[0]).toBe('640422');
    expect(seen.filter((c: string) => c.length === 9)).toHaveLength(19);
  });

  it('admin endpoints refuse clerks with 403 (in English when asked)', async () => {
    const principal = await t.login('principal');
    for (const path of ['/api/admin/users', '/api/admin/roles', '/api/admin/audit']) {
      const res = await t.http().get(path).set(bearer(principal)).set('Accept-Language', 'en').expect(403);
      expect(res.body).toEqual({ statusCode: 403, error: 'FORBIDDEN', message: 'You are not allowed to do this' });
    }
  });
});
