import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { bearer, startTestApp, TestApp } from './support/test-app';

/** POST /api/spreadsheet-rows: a spreadsheet picked for a form's table comes back as rows; nothing is stored. */
describe('spreadsheet rows for form tables', () => {
  let t: TestApp;
  let inspector: string;
  beforeAll(async () => {
    t = await startTestApp();
    inspector = await t.login('inspector');
  });
  afterAll(() => t.close());

  const csv =
    '问题描述,责任单位代码,责任角色,整改时限\n"台账与学籍不一致，2名学生未更新",64042210001,校长,2026-12-31\n走访记录缺失,640422100,乡镇干部,2027-01-15\n';

  it('given a CSV saved by Excel on Chinese Windows (GBK), then its rows come back header → text, with the row numbers Excel shows', async () => {
    const res = await t
      .http()
      .post('/api/spreadsheet-rows')
      .set(bearer(inspector))
      .attach('file', iconv.encode(csv, 'gb18030'), '反馈问题.csv')
      .expect(200);
    expect(res.body.headers).toEqual(['问题描述', '责任单位代码', '责任角色', '整改时限']);
    expect(res.body.rows).toEqual([
      {
        row: 2,
        cells: { 问题描述: '台账与学籍不一致，2名学生未更新', 责任单位代码: '64042210001', 责任角色: '校长', 整改时限: '2026-12-31' },
      },
      { row: 3, cells: { 问题描述: '走访记录缺失', 责任单位代码: '640422100', 责任角色: '乡镇干部', 整改时限: '2027-01-15' } },
    ]);
  });

  it('given an XLSX, then the same rows', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('问题清单');
    sheet.addRow(['问题描述', '责任角色']);
    sheet.addRow(['走访记录缺失', '乡镇干部']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const res = await t.http().post('/api/spreadsheet-rows').set(bearer(inspector)).attach('file', xlsx, '问题.xlsx').expect(200);
    expect(res.body.rows).toEqual([{ row: 2, cells: { 问题描述: '走访记录缺失', 责任角色: '乡镇干部' } }]);
  });

  it('refuses a register-sized file, another file type and a missing file, in Chinese, and asks for a login', async () => {
    const big = ['问题描述', ...Array.from({ length: 2001 }, (_, i) => `问题${i}`)].join('\n');
    const tooBig = await t
      .http()
      .post('/api/spreadsheet-rows')
      .set(bearer(inspector))
      .attach('file', Buffer.from(big), 'big.csv')
      .expect(400);
    expect(tooBig.body.message).toBe('表单中的表格最多 2000 行，此文件超过 2000 行');
    const exe = await t.http().post('/api/spreadsheet-rows').set(bearer(inspector)).attach('file', Buffer.from('MZ'), 'x.exe').expect(400);
    expect(exe.body.message).toBe('只能导入 .csv 或 .xlsx 文件');
    await t.http().post('/api/spreadsheet-rows').set(bearer(inspector)).expect(400);
    await t.http().post('/api/spreadsheet-rows').attach('file', Buffer.from(csv), 'a.csv').expect(401);
  });
});
