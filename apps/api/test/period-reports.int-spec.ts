import ExcelJS from 'exceljs';
import { makeResidentId } from '@kcbx/cn-codes';
import { InstanceLink, LedgerEntry, LedgerEvent, OrgUnit, Student, Tenant } from '../src/database/entities';
import { Actor, deployPackage, isoDay, settle } from './support/county-package';
import { startTestApp, TestApp } from './support/test-app';

const KINDS = ['school-age', 'suspected-dropout', 'dropout'] as const;
const STATUSES = ['open', 'in-progress', 'signed-off'] as const;
type Counts = Record<string, Record<string, number>>;

interface ReportRow {
  code: string;
  name: string;
  counts: Counts;
  extras: { deferred: number; suspended: number; homeTeaching: number; homeVisits: { visited: number; students: number } };
}

/**
 * Issue #16 acceptance 4, over HTTP: the monthly, quarterly, term and year reports agree, unit by unit, with the
 * ledger tables as they stood at each period's end; the 三统一 check finds a child planted on the poverty list
 * only, and a report cannot be signed until that difference is explained.
 */
describe('reports by period and the 三统一 check', () => {
  let t: TestApp;
  let tenantId: string;
  let office: Actor, teacher: Actor, township: Actor;
  // 平峰镇中心小学: children of this suite only (the demo students are elsewhere), so its 三统一 difference is the planted one
  const PINGFENG = '640422102';
  const PF_SCHOOL = '64042210201';
  const JIQIANG_SCHOOL = '64042210001';
  const XINGLONG_SCHOOL = '64042210101';
  const ids = Array.from({ length: 8 }, (_, i) =>
    makeResidentId('640422', `201${3 + (i % 4)}-0${(i % 8) + 1}-1${i}`, 500 + i, i % 2 ? 'female' : 'male'),
  );
  const [a, b, c, d, e, f, planted, poorOnRegister] = ids;
  const upload = (source: string, csv: string[], name: string) =>
    t
      .http()
      .post(`/api/registers/${source}/imports`)
      .set(office.auth)
      .attach('file', Buffer.from(csv.join('\n')), name)
      .expect(201);

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0' } });
    await deployPackage(t);
    [office, teacher, township] = await Promise.all(['basic-edu', 'teacher', 'township'].map((u) => Actor.as(t, u)));
    tenantId = (await t.ds.getRepository(Tenant).findOneByOrFail({ code: '640422' })).id;

    // The fixture, built the way the county builds it: registers, the comparison, a teacher's report, a door-to-door find.
    // The 学籍名册 carries 平峰镇中心小学's demo students too, so the school's only 三统一 difference is the planted one.
    const pfPath = (await t.ds.getRepository(OrgUnit).findOneByOrFail({ tenantId, code: PF_SCHOOL })).path;
    const pfDemo = (await t.ds.getRepository(Student).findBy({ tenantId })).filter((s) => s.schoolPath === pfPath);
    await upload(
      'student',
      [
        '姓名,身份证号,学校,年级,班级',
        ...pfDemo.map((s) => `${s.name},${s.idNumber},${PF_SCHOOL},${s.grade ?? '三年级'},1班`),
        `甲生,${a},${JIQIANG_SCHOOL},四年级,1班`,
        `乙生,${b},${JIQIANG_SCHOOL},五年级,1班`,
        `丙生,${c},${XINGLONG_SCHOOL},三年级,2班`,
        `丁生,${d},${PF_SCHOOL},六年级,1班`,
        `戊生,${poorOnRegister},${PF_SCHOOL},六年级,1班`,
      ],
      '学籍名册.csv',
    );
    await upload(
      'household',
      ['姓名,身份证号,乡镇', `甲生,${a},吉强镇`, `乙生,${b},吉强镇`, `丙生,${c},兴隆镇`, `己童,${e},兴隆镇`],
      '户籍.csv',
    );
    await upload(
      'enrolment',
      ['姓名,身份证号,学校', `甲生,${a},${JIQIANG_SCHOOL}`, `丁生,${d},${PF_SCHOOL}`, `戊生,${poorOnRegister},${PF_SCHOOL}`],
      '在校.csv',
    );
    // the poverty office's list: one child on the register, one (planted) on nothing else
    await upload(
      'poverty',
      ['姓名,身份证号,乡镇,学校', `戊生,${poorOnRegister},平峰镇,`, `庚童,${planted},平峰镇,${PF_SCHOOL}`],
      '脱贫户.csv',
    );
    await t
      .http()
      .post('/api/comparisons')
      .set(office.auth)
      .send({ referenceDate: isoDay(0) })
      .expect(201);

    const students = await t.ds.getRepository(Student).findBy({ tenantId });
    const jia = students.find((s) => s.idNumber === a)!;
    await t
      .http()
      .post('/api/ledgers/suspected-dropout/entries')
      .set(teacher.auth)
      .send({ studentId: jia.id, reason: '连续缺课', since: isoDay(-3) })
      .expect(201);
    await t
      .http()
      .post('/api/ledgers/school-age/entries')
      .set(township.auth)
      .send({
        person: { name: '辛童', idNumber: f, householdAddress: '西吉县吉强镇北坡村', guardian: '辛某（父亲）', phone: '13800000021' },
        orgUnit: '640422100',
        reason: '适龄未入学',
        since: isoDay(-20),
        source: 'door-to-door',
      })
      .expect(201);
    await teacher.start('home-visit', { orgUnit: JIQIANG_SCHOOL, studentId: jia.id });
    // 乙生 is granted a 休学 through the county's procedure: the status history says 休学 from today
    const yi = students.find((s) => s.idNumber === b)!;
    const [registrar, principal, leader] = await Promise.all(['registrar', 'principal', 'leader'].map((u) => Actor.as(t, u)));
    const { id: leave } = await registrar.start('deferral-suspension', { orgUnit: JIQIANG_SCHOOL, studentId: yi.id });
    await registrar.complete(leave, 'apply', {
      studentName: yi.name,
      idNumber: yi.idNumber,
      applicationType: 'suspension',
      reason: 'illness',
      reasonDetail: '骨折术后需居家休养',
      periodFrom: isoDay(0),
      periodTo: isoDay(60),
      certificate: await registrar.upload('县医院诊断证明.pdf', JIQIANG_SCHOOL),
      guardianName: '乙某',
      guardianRelation: 'father',
      guardianPhone: '13912345678',
    });
    await principal.complete(leave, 'schoolReview', { decision: 'approve', opinion: '同意' });
    await township.complete(leave, 'townshipReview', { decision: 'approve', opinion: '同意' });
    await leader.complete(leave, 'groupApproval', { decision: 'approve', opinion: '同意' });
    await settle(t);
  });
  afterAll(() => t.close());

  /** The ledger as it stood at `end`, counted straight from ledger_entry and ledger_event, rolled up to `path`. */
  async function ledgerCounts(path: string, end: string): Promise<Counts> {
    const entries = (await t.ds.getRepository(LedgerEntry).findBy({ tenantId })).filter(
      (x) => x.orgUnitPath.startsWith(path) && x.createdAt < end,
    );
    const events = (await t.ds.getRepository(LedgerEvent).findBy({ tenantId }))
      .filter((v) => v.at < end && v.toStatus)
      .sort((x, y) => x.at.localeCompare(y.at));
    const counts: Counts = Object.fromEntries(KINDS.map((k) => [k, Object.fromEntries(STATUSES.map((s) => [s, 0]))]));
    for (const entry of entries) {
      const last = events.filter((v) => v.entryId === entry.id).pop();
      counts[entry.kind][last?.toStatus ?? 'open'] += 1;
    }
    return counts;
  }

  const PERIODS = async () => {
    const { terms, current } = await office.get('/api/reports/periods');
    expect(terms.length).toBeGreaterThan(0);
    return [
      ['month', current.month],
      ['quarter', current.quarter],
      ['term', current.term],
      ['year', current.year],
      ['month', '2026-01'], // before any of this suite's entries: the ledger as it stood then
      ['term', terms[0].start],
    ] as [string, string][];
  };

  it('month, quarter, term and year reports agree with the ledger tables per unit, as of each period end', async () => {
    const units = await t.ds.getRepository(OrgUnit).findBy({ tenantId });
    const pathOf = (code: string) => units.find((u) => u.code === code)!.path;
    let compared = 0;
    let nonZero = 0;
    for (const [type, period] of await PERIODS()) {
      for (const orgUnit of ['', '640422100']) {
        const report = await office.get(`/api/reports/period?type=${type}&period=${period}&orgUnit=${orgUnit}`);
        expect(report.period).toMatchObject({ type, value: period, end: expect.any(String), label: expect.any(String) });
        for (const row of [report.unit, ...report.children] as ReportRow[]) {
          const expected = await ledgerCounts(pathOf(row.code), report.period.end);
          expect({ unit: row.code, type, period, counts: row.counts }).toEqual({ unit: row.code, type, period, counts: expected });
          compared += 1;
          if (Object.values(expected).some((s) => Object.values(s).some((n) => n > 0))) nonZero += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(nonZero).toBeGreaterThan(4); // the comparison is not of empty ledgers
    const past = await office.get('/api/reports/period?type=month&period=2026-01');
    expect(past.period).toMatchObject({ label: '2026年1月', from: '2026-01-01', to: '2026-01-31', end: '2026-01-31T16:00:00.000Z' });
  });

  it('the report carries 家访 coverage and the status counts per unit; bad periods are refused at the field', async () => {
    const { current } = await office.get('/api/reports/periods');
    const report = await office.get(`/api/reports/period?type=month&period=${current.month}&orgUnit=640422100`);
    const school = (report.children as ReportRow[]).find((r) => r.code === JIQIANG_SCHOOL)!;
    const schoolPath = (await t.ds.getRepository(OrgUnit).findOneByOrFail({ tenantId, code: JIQIANG_SCHOOL })).path;
    const students = (await t.ds.getRepository(Student).findBy({ tenantId })).filter((s) => s.schoolPath.startsWith(schoolPath));
    const visits = (await t.ds.getRepository(InstanceLink).findBy({ tenantId, definitionKey: 'home-visit' })).filter((l) =>
      students.some((s) => s.id === l.studentId),
    );
    expect(school.extras.homeVisits).toEqual({
      visited: new Set(visits.map((v) => v.studentId)).size,
      students: students.filter((s) => !['transferred', 'graduated', 'dropout'].includes(s.status)).length,
    });
    expect(school.extras.homeVisits.visited).toBeGreaterThanOrEqual(1);
    for (const k of ['deferred', 'suspended', 'homeTeaching'] as const)
      expect(school.extras[k]).toBe(
        students.filter((s) => s.status === { deferred: 'deferred', suspended: 'suspended', homeTeaching: 'home-teaching' }[k]).length,
      );

    expect(school.extras.suspended).toBe(1); // 乙生, granted 休学 in beforeAll
    // January's report predates the children, the 休学 and the visit
    const january = await office.get('/api/reports/period?type=month&period=2026-01&orgUnit=640422100');
    expect((january.children as ReportRow[]).find((r) => r.code === JIQIANG_SCHOOL)!.extras).toMatchObject({
      suspended: 0,
      homeVisits: { visited: 0 },
    });

    const bad = await t.http().get('/api/reports/period?type=quarter&period=2026-Q5').set(office.auth).expect(400);
    expect(bad.body.details).toEqual([{ field: 'period', message: expect.stringContaining('季度') }]);
    const term = await t.http().get('/api/reports/period?type=term&period=2026-08-01').set(office.auth).expect(400);
    expect(term.body.details[0].message).toContain('学期');
    await t.http().get('/api/reports/period?type=week').set(office.auth).expect(400);
  });

  it('三统一 lists the planted poverty-only child; signing is refused until the difference is explained', async () => {
    const check = await office.get(`/api/reconciliation?orgUnit=${PF_SCHOOL}`);
    expect(check.differences).toEqual([
      expect.objectContaining({
        kind: 'poverty-only',
        name: '庚童',
        unitCode: PF_SCHOOL,
        explanation: null,
        idNumberMasked: expect.stringContaining('*'),
      }),
    ]);
    expect(check.unit).toMatchObject({ code: PF_SCHOOL, poverty: 1, differences: 1, unexplained: 1 });
    expect(check.unit.register).toBeGreaterThanOrEqual(2);
    expect(check.unit.ledger).toBe(check.unit.register);
    expect(JSON.stringify(check)).not.toContain(planted);

    const { current } = await office.get('/api/reports/periods');
    const sign = { type: 'quarter', period: current.quarter, orgUnit: PF_SCHOOL, line: 'preparer' };
    const refused = await t.http().post('/api/reports/sign-offs').set(office.auth).send(sign).expect(409);
    expect(refused.body.error).toBe('REPORT_UNRECONCILED');
    expect(refused.body.message).toContain('平峰镇');
    expect(refused.body.details).toEqual([{ field: 'line', message: expect.stringContaining('1 处三统一差异未说明') }]);
    expect(
      (await office.get(`/api/reports/period?type=quarter&period=${current.quarter}&orgUnit=${PF_SCHOOL}`)).unexplainedDifferences,
    ).toBe(1);

    const short = await t
      .http()
      .post('/api/reconciliation/explanations')
      .set(office.auth)
      .send({ key: check.differences[0].key, note: ' ' })
      .expect(400);
    expect(short.body.details.map((x: { field: string }) => x.field)).toEqual(['note']);
    const explained = await t
      .http()
      .post('/api/reconciliation/explanations')
      .set(office.auth)
      .send({ key: check.differences[0].key, note: '已核实：该童随父母在银川就读，扶贫名单未更新' })
      .expect(201);
    expect(explained.body.explanation).toMatchObject({
      note: expect.stringContaining('银川'),
      by: expect.any(String),
      at: expect.any(String),
    });
    const after = await office.get(`/api/reconciliation?orgUnit=${PF_SCHOOL}`);
    expect(after.unit).toMatchObject({ differences: 1, unexplained: 0 });
    expect(after.differences[0].explanation).toMatchObject({ note: expect.stringContaining('银川') });

    const signed = await t.http().post('/api/reports/sign-offs').set(office.auth).send(sign).expect(201);
    expect(signed.body).toMatchObject({ line: 'preparer', name: expect.any(String), at: expect.any(String) });
    const report = await office.get(`/api/reports/period?type=quarter&period=${current.quarter}&orgUnit=${PF_SCHOOL}`);
    expect(report.signOffs).toEqual([expect.objectContaining({ line: 'preparer', name: signed.body.name, at: signed.body.at })]);
    const twice = await t.http().post('/api/reports/sign-offs').set(office.auth).send(sign).expect(409);
    expect(twice.body.error).toBe('REPORT_LINE_SIGNED');
    // two signing the 审核人 line at once: one signature, the other told who signed
    const both = await Promise.all(
      [0, 1].map(() =>
        t
          .http()
          .post('/api/reports/sign-offs')
          .set(office.auth)
          .send({ ...sign, line: 'reviewer' }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.error).toBe('REPORT_LINE_SIGNED');

    // the Excel copy carries the same total row and the signed line
    const file = await t
      .http()
      .get(`/api/reports/period?type=quarter&period=${current.quarter}&orgUnit=${PF_SCHOOL}&format=xlsx`)
      .set(office.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (x: Buffer) => chunks.push(x));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(String(rows[0][1])).toBe(`平峰镇中心小学控辍保学季报（${report.period.label}）`);
    const total = rows.find((r) => r[1] === '合计')!;
    expect(total.slice(2, 5)).toEqual(['open', 'in-progress', 'signed-off'].map((s) => report.unit.counts['school-age'][s]));
    expect(total[5]).toBe(report.unit.counts['suspected-dropout'].open);
    expect(rows.at(-1)!.slice(1, 3)).toEqual([
      '制表人：',
      `${signed.body.name} ${new Date(Date.parse(signed.body.at) + 8 * 3600_000).toISOString().slice(0, 10)}`,
    ]);
    // the county as a whole still has its own differences to explain
    const county = await office.get('/api/reconciliation');
    expect(county.differences.some((x: { name: string }) => x.name === '庚童')).toBe(true);
  });

  it('a county without school terms (隆德县 ships none) has no term reports, and sees none of Xiji’s children', async () => {
    await t.seedSecondCounty();
    const longde = await Actor.as(t, 'ld-basic-edu');
    const periods = await longde.get('/api/reports/periods');
    expect(periods.types).toEqual(['month', 'quarter', 'year']);
    expect(periods.current.term).toBeUndefined();
    const term = await t.http().get('/api/reports/period?type=term').set(longde.auth).expect(400);
    expect(term.body.details[0]).toMatchObject({ field: 'period', message: expect.stringContaining('没有学期') });
    const check = await longde.get('/api/reconciliation');
    expect(check.differences.some((d: { name: string }) => d.name === '庚童')).toBe(false);
    expect(check.imports).toEqual({ student: null, poverty: null });
    await t.http().get(`/api/reconciliation?orgUnit=${PF_SCHOOL}`).set(longde.auth).expect(404);
  });

  it("scope: a school's staff see their school's check, not the township's", async () => {
    await t.http().get('/api/reconciliation').set(teacher.auth).expect(403); // a class teacher reads no reports
    const principal = await Actor.as(t, 'principal');
    await t.http().get(`/api/reconciliation?orgUnit=${PINGFENG}`).set(principal.auth).expect(404);
    const own = await principal.get('/api/reconciliation');
    expect(own.unit.code).toBe(JIQIANG_SCHOOL);
    await t
      .http()
      .post('/api/reports/sign-offs')
      .set(principal.auth)
      .send({ type: 'month', period: '2026-01', orgUnit: PINGFENG, line: 'head' })
      .expect(404);
  });
});
