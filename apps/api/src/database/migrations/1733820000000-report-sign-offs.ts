import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * Reports by period (#16): the sign-off lines of a unit's report (制表人 / 审核人 / 负责人, one signature each)
 * and the notes that explain a 三统一 difference (ledger / student register / poverty list), which signing needs.
 */
export class ReportSignOffs1733820000000 implements MigrationInterface {
  name = 'ReportSignOffs1733820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'report_sign_off',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('orgUnitPath', 400),
          col.text('periodType', 12),
          col.text('period', 10),
          col.text('line', 12),
          col.ref('userId'),
          col.text('userName', 100),
          col.timestamp('at'),
        ],
        indices: [index('ux_report_sign_off_line', ['tenantId', 'orgUnitPath', 'periodType', 'period', 'line'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reconciliation_note',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('diffKey', 64),
          col.text('kind', 16),
          col.text('idNumber', 18),
          col.text('orgUnitPath', 400),
          col.text('note', 500),
          col.ref('by'),
          col.text('byName', 100),
          col.timestamp('at'),
        ],
        indices: [index('ix_reconciliation_note_key', ['tenantId', 'diffKey'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reconciliation_note');
    await q.dropTable('report_sign_off');
  }
}
