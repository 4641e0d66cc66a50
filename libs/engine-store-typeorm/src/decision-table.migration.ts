import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Deployed DMN decisions (issue #18): one row per (tenant, decision id, version), read by business rule tasks,
 * the same shape as bpmn_definition.
 */
export class DecisionTable1733610000000 implements MigrationInterface {
  name = 'DecisionTable1733610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'bpmn_decision',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tenantId', type: 'varchar', length: '36' },
          { name: 'key', type: 'varchar', length: '255' },
          { name: 'version', type: 'integer' },
          { name: 'name', type: 'varchar', length: '255', isNullable: true },
          { name: 'resourceName', type: 'varchar', length: '255' },
          { name: 'contentHash', type: 'varchar', length: '64' },
          { name: 'xml', type: 'text' },
          { name: 'deployedAt', type: 'bigint' },
        ],
        indices: [{ name: 'ix_bpmn_decision_tenantId_key_version', columnNames: ['tenantId', 'key', 'version'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('bpmn_decision');
  }
}
