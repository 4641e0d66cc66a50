import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * The form builder's API. Given the demo county's policy designer: drafts are saved and read back as they
 * are (even when invalid), publishing checks the definition like a deployed file and refuses an invalid one
 * with every problem located and nothing changed, each publish makes the next immutable version, and other
 * counties and users without `design` see nothing.
 */
const definition = (key: string, fields: Record<string, { zh: string; en: string }>, required: string[] = []) => ({
  key,
  version: 1,
  title: { zh: '家访记录', en: 'Home visit' },
  schema: {
    type: 'object',
    properties: Object.fromEntries(Object.keys(fields).map((n) => [n, { type: 'string' }])),
    ...(required.length ? { required } : {}),
  },
  uiSchema: {
    type: 'VerticalLayout',
    elements: Object.entries(fields).map(([n, label]) => ({ type: 'Control', scope: `#/properties/${n}`, label })),
  },
});

describe('form design: drafts, publish, versions', () => {
  let t: TestApp;
  let designer: string;
  let teacher: string;
  let ldDesigner: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await t.seedSecondCounty();
    designer = await t.login('designer');
    teacher = await t.login('teacher');
    ldDesigner = await t.login('ld-designer');
  });
  afterAll(() => t.close());

  const v1 = definition('home-visit', { studentName: { zh: '学生姓名', en: 'Student name' } }, ['studentName']);
  const v2 = definition(
    'home-visit',
    { studentName: { zh: '学生姓名', en: 'Student name' }, visitDate: { zh: '家访日期', en: 'Visit date' } },
    ['studentName'],
  );

  it('saves a draft, even an unfinished one, lists it and reads it back', async () => {
    const unfinished = definition('home-visit', { studentName: { zh: '学生姓名', en: '' } });
    await t.http().put('/api/forms/home-visit/draft').set(bearer(designer)).send({ definition: unfinished }).expect(200);
    const list = await t.http().get('/api/form-drafts').set(bearer(designer)).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ key: 'home-visit', title: { zh: '家访记录', en: 'Home visit' }, savedByName: expect.any(String) }),
    ]);
    const back = await t.http().get('/api/forms/home-visit/draft').set(bearer(designer)).expect(200);
    expect(back.body.definition).toEqual(unfinished);
  });

  it('refuses to publish an invalid draft with the problem located at the field, and changes nothing', async () => {
    const res = await t
      .http()
      .post('/api/forms/home-visit/publish')
      .set(bearer(designer))
      .set('Accept-Language', 'en')
      .send({})
      .expect(400);
    expect(res.body.error).toBe('FORM_DEFINITION_INVALID');
    expect(res.body.details).toContainEqual(
      expect.objectContaining({
        path: '/uiSchema/elements/0/label/en',
        line: expect.any(Number),
        message: 'must not be empty', // plain words, not ajv's "must NOT have fewer than 1 characters"
      }),
    );
    await t.http().get('/api/forms/home-visit').set(bearer(designer)).expect(404);
    await t.http().get('/api/forms/home-visit/versions').set(bearer(designer)).expect(404);
    // the draft is still there to be fixed
    await t.http().get('/api/forms/home-visit/draft').set(bearer(designer)).expect(200);
  });

  it('refuses a definition whose key is not the one in the address', async () => {
    const res = await t
      .http()
      .post('/api/forms/home-visit/publish')
      .set(bearer(designer))
      .send({ definition: { ...v1, key: 'other' } })
      .expect(400);
    expect(res.body.error).toBe('FORM_KEY_MISMATCH');
  });

  it('publishes the saved draft as version 1 and removes the draft; clerks can load it', async () => {
    await t.http().put('/api/forms/home-visit/draft').set(bearer(designer)).send({ definition: v1 }).expect(200);
    const res = await t.http().post('/api/forms/home-visit/publish').set(bearer(designer)).send({}).expect(200);
    expect(res.body).toEqual({ key: 'home-visit', version: 1, isNew: true });
    await t.http().get('/api/forms/home-visit/draft').set(bearer(designer)).expect(404);
    const published = await t.http().get('/api/forms/home-visit').set(bearer(teacher)).expect(200);
    expect(published.body).toEqual({ ...v1, version: 1 });
  });

  it('publishing again makes version 2; version 1 stays exactly as it was; the same content again is not a new version', async () => {
    const res = await t
      .http()
      .post('/api/forms/home-visit/publish')
      .set(bearer(designer))
      .send({ definition: { ...v2, version: 99 } })
      .expect(200);
    expect(res.body).toEqual({ key: 'home-visit', version: 2, isNew: true });
    expect((await t.http().get('/api/forms/home-visit?version=1').set(bearer(designer)).expect(200)).body).toEqual({ ...v1, version: 1 });
    expect((await t.http().get('/api/forms/home-visit').set(bearer(designer)).expect(200)).body).toEqual({ ...v2, version: 2 });
    const again = await t.http().post('/api/forms/home-visit/publish').set(bearer(designer)).send({ definition: v2 }).expect(200);
    expect(again.body).toEqual({ key: 'home-visit', version: 2, isNew: false });
    const versions = await t.http().get('/api/forms/home-visit/versions').set(bearer(designer)).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[0]).toEqual(
      expect.objectContaining({
        title: { zh: '家访记录', en: 'Home visit' },
        hash: expect.stringMatching(/^sha256:/),
        publishedByName: expect.any(String),
      }),
    );
  });

  it('an invalid definition sent to an existing form leaves its versions as they were', async () => {
    const bad = { ...v2, uiSchema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/missing' }] } };
    await t.http().post('/api/forms/home-visit/publish').set(bearer(designer)).send({ definition: bad }).expect(400);
    const versions = await t.http().get('/api/forms/home-visit/versions').set(bearer(designer)).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('two designers publishing the same form at once get distinct versions or a 409, never a 500', async () => {
    const a = definition('race-form', { a: { zh: '甲', en: 'A' } });
    const b = definition('race-form', { b: { zh: '乙', en: 'B' } });
    const results = await Promise.all([
      t.http().post('/api/forms/race-form/publish').set(bearer(designer)).send({ definition: a }),
      t.http().post('/api/forms/race-form/publish').set(bearer(designer)).send({ definition: b }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(statuses);
    const versions = await t.http().get('/api/forms/race-form/versions').set(bearer(designer)).expect(200);
    const numbers = versions.body.map((v: { version: number }) => v.version);
    expect(numbers).toEqual(statuses[1] === 409 ? [1] : [2, 1]);
  });

  it('requires the design permission for every builder call', async () => {
    await t.http().get('/api/form-drafts').set(bearer(teacher)).expect(403);
    await t
      .http()
      .put('/api/forms/x-form/draft')
      .set(bearer(teacher))
      .send({ definition: definition('x-form', {}) })
      .expect(403);
    await t.http().post('/api/forms/home-visit/publish').set(bearer(teacher)).send({ definition: v2 }).expect(403);
    await t.http().get('/api/forms/home-visit/versions').set(bearer(teacher)).expect(403);
  });

  it("another county's designer sees neither the drafts nor the versions (404), and its own key space is separate", async () => {
    await t
      .http()
      .put('/api/forms/draft-only/draft')
      .set(bearer(designer))
      .send({ definition: definition('draft-only', {}) })
      .expect(200);
    expect((await t.http().get('/api/form-drafts').set(bearer(ldDesigner)).expect(200)).body).toEqual([]);
    await t.http().get('/api/forms/draft-only/draft').set(bearer(ldDesigner)).expect(404);
    await t.http().post('/api/forms/draft-only/publish').set(bearer(ldDesigner)).send({}).expect(404);
    await t.http().get('/api/forms/home-visit/versions').set(bearer(ldDesigner)).expect(404);
    await t.http().delete('/api/forms/draft-only/draft').set(bearer(ldDesigner)).expect(404);
    const own = await t.http().post('/api/forms/home-visit/publish').set(bearer(ldDesigner)).send({ definition: v1 }).expect(200);
    expect(own.body.version).toBe(1);
    await t.http().delete('/api/forms/draft-only/draft').set(bearer(designer)).expect(204);
  });
});
