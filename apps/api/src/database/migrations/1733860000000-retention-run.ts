import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, index } from './table-helpers';

/** History retention (#18): a row per county and day recording what the cleanup removed (also its claim). */
export class RetentionRun1733860000000 implements MigrationInterface {
  name = 'RetentionRun1733860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'retention_run',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('day', 10),
          col.text('retention', 30),
          col.timestamp('cutoff'),
          col.text('status', 16),
          col.int('instances'),
          col.json('removed'),
          col.text('runBy', 64),
          col.timestamp('startedAt'),
          col.timestamp('finishedAt', true),
        ],
        indices: [index('ux_retention_run_tenant_day', ['tenantId', 'day'], true)],
      }),
    );
    // finished instances are found by state and end time
    await q.createIndex('bpmn_instance', new TableIndex(index('ix_bpmn_instance_state_endedAt', ['state', 'endedAt'])));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('bpmn_instance', 'ix_bpmn_instance_state_endedAt');
    await q.dropTable('retention_run');
  }
}
