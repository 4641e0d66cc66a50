import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/**
 * Issue #16, the directive's second layer. A student's status has an until-date (缓学 until the period ends) and
 * a history (`student_status_event`, one row per change, written by the procedure's step in its transaction).
 * Ledger entries made by hand (a teacher's report, a door-to-door find) say where they came from, since when the
 * child is missing, and — for a child who is no student — the person's household address, guardian and phone.
 */
export class LedgerSecondLayer1733650000000 implements MigrationInterface {
  name = 'LedgerSecondLayer1733650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('student', new TableColumn(col.text('statusUntil', 10, true)));
    await q.createTable(
      new Table({
        name: 'student_status_event',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('studentId'),
          col.text('fromStatus', 24, true),
          col.text('toStatus', 24),
          col.text('until', 10, true),
          col.text('note', 200, true),
          col.ref('instanceId', true),
          col.ref('by', true),
          col.timestamp('at'),
        ],
      }),
    );
    await q.createIndex(
      'student_status_event',
      new TableIndex({ name: 'ix_student_status_event_student', columnNames: ['studentId', 'at'] }),
    );
    // Existing entries all came from the comparison.
    await q.addColumn('ledger_entry', new TableColumn({ ...col.text('source', 16), default: "'comparison'" }));
    await q.addColumn('ledger_entry', new TableColumn(col.text('since', 10, true)));
    await q.addColumn('ledger_entry', new TableColumn(col.json('person', true)));
    await q.addColumn('ledger_entry', new TableColumn(col.ref('reportedBy', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['reportedBy', 'person', 'since', 'source']) await q.dropColumn('ledger_entry', c);
    await q.dropTable('student_status_event');
    await q.dropColumn('student', 'statusUntil');
  }
}
