import ExcelJS from 'exceljs';
import type { LedgerKind } from '../database/entities';
import type { Dashboard } from './dashboard.service';
import { total, UnitCounts } from './ledger-rollup';

const KINDS: { kind: LedgerKind; label: string }[] = [
  { kind: 'school-age', label: '适龄未入学' },
  { kind: 'suspected-dropout', label: '疑似辍学' },
  { kind: 'dropout', label: '辍学' },
];

/** 月报: one row per township (or school), with open / in-progress / signed-off per ledger, and a total row. */
export async function monthlyReportXlsx(d: Dashboard, month: string): Promise<Buffer> {
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
  sheet.columns.forEach((c, i) => (c.width = i === 0 ? 22 : 12));
  return Buffer.from(await book.xlsx.writeBuffer());
}
