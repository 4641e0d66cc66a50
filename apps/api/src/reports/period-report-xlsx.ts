import ExcelJS from 'exceljs';
import { LEDGER_KINDS, SIGN_OFF_LINES, type PeriodReport, type ReportUnitRow } from '@kcbx/api-contract';

const KIND_LABEL = { 'school-age': '适龄未入学台账', 'suspected-dropout': '疑似辍学台账', dropout: '辍学台账' } as const;
const TYPE_LABEL = { month: '月报', quarter: '季报', term: '学期报', year: '年报' } as const;
const LINE_LABEL = { preparer: '制表人', reviewer: '审核人', head: '负责人' } as const;

/** The Beijing calendar day of an instant. */
const beijingDay = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);

/** The period report as an A4 landscape sheet: the same rows as the page, then the three sign-off lines. */
export async function periodReportXlsx(r: PeriodReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '控辍保学工作平台';
  const sheet = book.addWorksheet(TYPE_LABEL[r.period.type], { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
  const header = ['单位'];
  for (const k of LEDGER_KINDS) header.push(`${KIND_LABEL[k]}·在册`, `${KIND_LABEL[k]}·处理中`, `${KIND_LABEL[k]}·已销号`);
  header.push('缓学', '休学', '送教上门', '家访·已访', '家访·在籍', '整改·已完成', '整改·总数');
  sheet.mergeCells(1, 1, 1, header.length);
  const title = sheet.getCell(1, 1);
  title.value = `${r.unit.name}控辍保学${TYPE_LABEL[r.period.type]}（${r.period.label}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, header.length);
  // a period not yet over is counted as of today (Beijing)
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  sheet.getCell(2, 1).value = `统计截至：${r.period.to < today ? r.period.to : today}（台账与学籍状态按该时点统计）`;
  sheet.getCell(2, 1).alignment = { horizontal: 'right' };
  sheet.addRow(header).font = { bold: true };
  const line = (u: ReportUnitRow, name = u.name) => {
    const cells: (string | number)[] = [name];
    for (const k of LEDGER_KINDS) cells.push(u.counts[k].open, u.counts[k]['in-progress'], u.counts[k]['signed-off']);
    const x = u.extras;
    cells.push(
      x.deferred,
      x.suspended,
      x.homeTeaching,
      x.homeVisits.visited,
      x.homeVisits.students,
      x.rectification.done,
      x.rectification.total,
    );
    return cells;
  };
  for (const c of r.children) sheet.addRow(line(c));
  sheet.addRow(line(r.unit, '合计')).font = { bold: true };
  sheet.addRow([]);
  const signed = new Map(r.signOffs.map((s) => [s.line, s]));
  sheet.addRow(
    SIGN_OFF_LINES.flatMap((l) => {
      const s = signed.get(l);
      return [`${LINE_LABEL[l]}：`, s ? `${s.name} ${beijingDay(s.at)}` : '', '', ''];
    }),
  );
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 11));
  return Buffer.from(await book.xlsx.writeBuffer());
}
