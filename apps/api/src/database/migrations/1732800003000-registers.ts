import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Registers1732800003000 implements MigrationInterface {
  name = 'Registers1732800003000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'register_import',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('source', 16),
          col.text('fileName', 255),
          col.text('sha256', 64),
          col.int('rowCount'),
          col.int('accepted'),
          col.int('rejectedCount'),
          col.json('rejected'),
          col.json('mapping'),
          col.ref('importedBy'),
          col.timestamp('importedAt'),
        ],
        indices: [index('ix_register_import_latest', ['tenantId', 'source', 'importedAt'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'register_entry',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          col.ref('tenantId'),
          col.ref('importId'),
          col.int('rowNo'),
          col.text('idNumber', 18),
          col.text('name', 50),
          col.text('sex', 6, true),
          col.text('birthDate', 10, true),
          col.text('township', 60, true),
          col.text('village', 60, true),
          col.text('school', 100, true),
          col.text('grade', 20, true),
          col.text('className', 20, true),
          col.text('studentNumber', 19, true),
        ],
        indices: [index('ix_register_entry_import_id', ['importId', 'idNumber'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('register_entry');
    await q.dropTable('register_import');
  }
}
