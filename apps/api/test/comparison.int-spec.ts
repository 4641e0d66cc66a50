import { makeResidentId } from '@kcbx/cn-codes';
import { Comparison } from '../src/database/entities';
import { REFERENCE_QUERIES, schoolAgeWindow } from '../src/comparison/comparison-queries';
import { runNamed } from '../src/comparison/comparison.service';
import { bearer, startTestApp, TestApp } from './support/test-app';

/**
 * Given four small registers with known differences, when the comparison runs, then each kind of finding
 * names exactly the expected children and agrees with the plain SQL joins.
 */
describe('three-way comparison (户籍、学籍、在校 + 脱贫户)', () => {
  let t: TestApp;
  let office: string;
  const child = (n: number, birth: string, sex: 'male' | 'female' = 'male') => makeResidentId('640422', birth, 200 + n * 2, sex);
  const A = child(1, '2014-03-01'); // registered, in school
  const B = child(2, '2015-05-02'); // school age, no registration: 有户无籍
  const C = child(3, '2013-07-03'); // registered, not in school: 名在人不在, poor household
  const D = child(4, '2012-09-04'); // registered, not in school, not poor
  const E = child(5, '2008-01-05'); // too old (18): not school age, no registration
  const F = child(6, '2016-02-06'); // registered under a different name: name mismatch
  const G = child(7, '2014-11-07'); // registered, not in the household register: ID not found

  const sheet = (rows: string[][]) => Buffer.from(['姓名,身份证号', ...rows.map((r) => r.join(','))].join('\n'));
  const upload = (source: string, rows: string[][]) =>
    t.http().post(`/api/registers/${source}/imports`).set(bearer(office)).attach('file', sheet(rows), `${source}.csv`).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('basic-edu');
    await upload('household', [
      ['甲', A],
      ['乙', B],
      ['丙', C],
      ['丁', D],
      ['戊', E],
      ['己', F],
    ]);
    await upload('student', [
      ['甲', A],
      ['丙', C],
      ['丁', D],
      ['己改', F],
      ['庚', G],
    ]);
    await upload('enrolment', [
      ['甲', A],
      ['己改', F],
      ['庚', G],
    ]);
    await upload('poverty', [['丙', C]]);
  });
  afterAll(() => t.close());

  it('counts and names each kind of finding', async () => {
    const res = await t.http().post('/api/comparisons').set(bearer(office)).send({ referenceDate: '2026-09-01' }).expect(201);
    expect(res.body.counts).toEqual({ unregistered: 1, suspectedDropout: 2, povertyDropout: 1, problemRegistrations: 2 });
    const of = async (kind: string) => {
      const r = await t.http().get(`/api/comparisons/${res.body.id}/findings?kind=${kind}`).set(bearer(office)).expect(200);
      return r.body.items.map((f: { name: string }) => f.name).sort();
    };
    expect(await of('unregistered')).toEqual(['乙']);
    expect(await of('suspectedDropout')).toEqual(['丁', '丙']);
    expect(await of('povertyDropout')).toEqual(['丙']);
    expect(await of('idNotFound')).toEqual(['庚']);
    const mismatch = await t.http().get(`/api/comparisons/${res.body.id}/findings?kind=nameMismatch`).set(bearer(office)).expect(200);
    expect(mismatch.body.items[0]).toMatchObject({ name: '己改', detail: '己', idNumberMasked: expect.stringMatching(/\*{8}/) });
  });

  it('agrees exactly with the plain SQL joins', async () => {
    const comparison = await t.ds.getRepository(Comparison).findOneOrFail({ where: {}, order: { startedAt: 'DESC' } });
    const params = { ...comparison.importIds, ...schoolAgeWindow(comparison.referenceDate) };
    for (const [kind, sql] of Object.entries(REFERENCE_QUERIES)) {
      const reference = ((await runNamed(t.ds.manager, sql!, params)) as { idNumber: string }[]).map((r) => r.idNumber).sort();
      const ours = (await t.ds.query(
        `SELECT "idNumber" FROM comparison_finding WHERE "comparisonId" = '${comparison.id}' AND kind = '${kind}' ORDER BY "idNumber"`,
      )) as { idNumber: string }[];
      expect(ours.map((r) => r.idNumber)).toEqual(reference);
    }
  });

  it('needs both the household and the student register', async () => {
    const fresh = await startTestApp();
    try {
      const token = await fresh.login('basic-edu');
      const res = await fresh.http().post('/api/comparisons').set(bearer(token)).send({}).expect(409);
      expect(res.body.message).toContain('请先导入户籍名册和学籍名册');
    } finally {
      await fresh.close();
    }
  });
});
