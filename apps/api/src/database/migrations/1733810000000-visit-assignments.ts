import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './table-helpers';

/** Issue #16 point 3: the 包抓 assignment table (person ↔ township ↔ schools), per county. */
export class VisitAssignments1733810000000 implements MigrationInterface {
  name = 'VisitAssignments1733810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'visit_assignment',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('userId'),
          col.text('office', 60),
          col.text('townshipCode', 20),
          col.json('schoolCodes'),
          col.ref('updatedBy'),
          col.timestamp('createdAt'),
          col.timestamp('updatedAt'),
        ],
      }),
    );
    await q.createIndex(
      'visit_assignment',
      new TableIndex({ name: 'ux_visit_assignment_person_township', columnNames: ['tenantId', 'userId', 'townshipCode'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('visit_assignment');
  }
}
