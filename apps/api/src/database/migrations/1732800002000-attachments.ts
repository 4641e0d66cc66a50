import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Attachments1732800002000 implements MigrationInterface {
  name = 'Attachments1732800002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'attachment',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('name', 255),
          col.text('mime', 120),
          col.int('size'),
          col.text('sha256', 64),
          col.text('storageKey', 80),
          col.text('orgUnitPath', 400),
          col.ref('uploadedBy'),
          col.timestamp('uploadedAt'),
        ],
        indices: [index('ix_attachment_scope', ['tenantId', 'orgUnitPath'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('attachment');
  }
}
