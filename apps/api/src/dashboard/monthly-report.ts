import ExcelJS from 'exceljs';
import type { LedgerKind } from '../database/entities';
import type { Dashboard, ReportEntry } from './dashboard.service';
import { total, UnitCounts } from './ledger-rollup';

const KINDS: { kind: LedgerKind; label: string }[] = [
  { kind: 'school-age', label: '适龄未入学' },
  { kind: 'suspected-dropout', label: '疑似辍学' },
  { kind: 'dropout', label: '辍学' },
];

const KIND_LABEL: Record<string, string> = Object.fromEntries(KINDS.map((k) => [k.kind, `${k.label}台账`]));
const STATUS_LABEL: Record<string, string> = { open: '在册', 'in-progress': '处理中', 'signed-off': '已销号' };

/**
 * 月报: one row per township (or school), with open / in-progress / signed-off per ledger, and a total row.
 * A school's report (entries given) also lists its children one by one on a second sheet, 明细; a county's
 * or township's carries the 包抓 visits per township on a sheet of their own.
 */
export async function monthlyReportXlsx(d: Dashboard, month: string, entries?: ReportEntry[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '控辍保学工作平台';
  const sheet = book.addWorksheet('汇总', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
  const [y, m] = month.split('-');
  sheet.mergeCells(1, 1, 1, 1 + KINDS.length * 4);
  sheet.getCell(1, 1).value = `${d.unit.name}控辍保学月报（${y}年${Number(m)}月）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ['单位'];
  for (const k of KINDS) header.push(`${k.label}·在册`, `${k.label}·处理中`, `${k.label}·已销号`, `${k.label}·合计`);
  sheet.addRow(header).font = { bold: true };
  const line = (u: UnitCounts) => {
    const cells: (string | number)[] = [u.name];
    for (const k of KINDS) {
      const c = u.counts[k.kind];
      cells.push(c.open, c['in-progress'], c['signed-off'], total(c));
    }
    return cells;
  };
  for (const child of d.children) sheet.addRow(line(child));
  const totalRow = sheet.addRow(line({ ...d.unit, name: '合计' }));
  totalRow.font = { bold: true };
  // 制表人 / 审核人 / 负责人: blank for the pen (signatures recorded in the system are on the period report, 报表)
  sheet.addRow([]);
  sheet.addRow(['制表人：', '', '', '', '审核人：', '', '', '', '负责人：']);
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 12));
  if (entries) addEntriesSheet(book, entries);
  else if (d.visits.townships.length) addVisitsSheet(book, d);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addEntriesSheet(book: ExcelJS.Workbook, entries: ReportEntry[]) {
  const sheet = book.addWorksheet('明细', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
  sheet.addRow(['序号', '姓名', '身份证号', '台账', '原因', '状态', '单位', '登记日期', '最近变更']).font = { bold: true };
  entries.forEach((e, i) =>
    sheet.addRow([
      i + 1,
      e.studentName,
      e.idNumberMasked,
      KIND_LABEL[e.kind] ?? e.kind,
      e.reason,
      STATUS_LABEL[e.status] ?? e.status,
      e.unitName,
      e.createdAt.slice(0, 10),
      e.updatedAt.slice(0, 10),
    ]),
  );
  sheet.columns.forEach((c, i) => (c.width = [6, 12, 22, 16, 20, 10, 22, 12, 12][i]));
}

function addVisitsSheet(book: ExcelJS.Workbook, d: Dashboard) {
  const sheet = book.addWorksheet('包抓走访', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true } });
  const rule = d.visits.required === null ? '本县未设置每月走访次数' : `每月不少于${d.visits.required}次`;
  sheet.addRow(['乡镇', ...d.visits.months.map((m) => `${m} 走访次数`), `达标月数（${rule}）`]).font = { bold: true };
  for (const t of d.visits.townships) sheet.addRow([t.name, ...t.visits, `${t.compliantMonths}/${d.visits.months.length}`]);
  // 包抓 is each person's duty: their visits to the townships assigned to them
  if (d.visits.people.length) {
    sheet.addRow([]);
    sheet.addRow(['包抓人（科室）', ...d.visits.months.map((m) => `${m} 走访次数`), `达标月数（${rule}）`]).font = { bold: true };
    for (const p of d.visits.people)
      sheet.addRow([`${p.displayName}（${p.office}）`, ...p.visits, `${p.compliantMonths}/${d.visits.months.length}`]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 14));
}
