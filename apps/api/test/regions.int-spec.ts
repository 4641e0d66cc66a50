import { bearer, startTestApp, TestApp } from './support/test-app';

describe('regions (GB/T 2260) for region pickers', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login('teacher');
  });
  afterAll(() => t.close());

  it('walks province > city > county > township one level at a time', async () => {
    const provinces = await t.http().get('/api/regions').set(bearer(token)).expect(200);
    expect(provinces.body).toHaveLength(31);
    expect(provinces.body).toContainEqual({ code: '64', name: '宁夏回族自治区', isLeaf: false });
    const townships = await t.http().get('/api/regions?parent=640422').set(bearer(token)).expect(200);
    expect(townships.body).toHaveLength(19);
    expect(townships.body[0]).toEqual({ code: '640422100', name: '吉强镇', isLeaf: true });
  });

  it('names a code with its full path, and 404s an unknown code', async () => {
    const res = await t.http().get('/api/regions/640422100').set(bearer(token)).expect(200);
    expect(res.body.fullName).toBe('宁夏回族自治区固原市西吉县吉强镇');
    await t.http().get('/api/regions/649999').set(bearer(token)).expect(404);
  });

  it('needs a login', async () => {
    await t.http().get('/api/regions').expect(401);
  });
});
