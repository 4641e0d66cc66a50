import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/** Drafts of the form builder (forms-design/): one per county and key until it is published. */
export class FormDrafts1733100000000 implements MigrationInterface {
  name = 'FormDrafts1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'form_draft',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('key', 100),
          col.json('title'),
          col.json('definition'),
          col.ref('savedBy'),
          col.text('savedByName', 100),
          col.timestamp('savedAt'),
        ],
        indices: [index('uq_form_draft_key', ['tenantId', 'key'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('form_draft');
  }
}
