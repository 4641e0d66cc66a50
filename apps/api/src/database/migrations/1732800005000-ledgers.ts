import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Ledgers1732800005000 implements MigrationInterface {
  name = 'Ledgers1732800005000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'ledger_entry',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('kind', 20),
          col.text('idNumber', 18),
          col.text('studentName', 50),
          col.ref('studentId', true),
          col.text('orgUnitPath', 400),
          col.text('status', 16),
          col.text('reason', 100),
          col.ref('caseId', true),
          col.ref('comparisonId', true),
          col.timestamp('createdAt'),
          col.timestamp('updatedAt'),
        ],
        indices: [
          index('ix_ledger_entry_id_number', ['tenantId', 'kind', 'idNumber']),
          index('ix_ledger_entry_scope', ['tenantId', 'kind', 'orgUnitPath']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_event',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('entryId'),
          col.text('action', 24),
          col.text('fromStatus', 16, true),
          col.text('toStatus', 16, true),
          col.text('note', 200, true),
          col.ref('by', true),
          col.timestamp('at'),
        ],
        indices: [index('ix_ledger_event_entry', ['entryId', 'at'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('ledger_event');
    await q.dropTable('ledger_entry');
  }
}
