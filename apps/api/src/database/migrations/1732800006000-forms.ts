import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Forms1732800006000 implements MigrationInterface {
  name = 'Forms1732800006000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'form_definition',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('key', 100),
          col.int('version'),
          col.json('title'),
          col.json('definition'),
          col.text('hash', 80),
          col.ref('publishedBy'),
          col.timestamp('publishedAt'),
        ],
        indices: [index('uq_form_definition_version', ['tenantId', 'key', 'version'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'form_submission',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('instanceId'),
          col.ref('taskId', true),
          col.text('activityId', 255, true),
          col.text('formKey', 100),
          col.int('formVersion'),
          col.text('formHash', 80),
          col.json('data'),
          col.ref('submittedBy'),
          col.text('submittedByName', 100),
          col.timestamp('submittedAt'),
        ],
        indices: [index('ix_form_submission_instance', ['tenantId', 'instanceId'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('form_submission');
    await q.dropTable('form_definition');
  }
}
