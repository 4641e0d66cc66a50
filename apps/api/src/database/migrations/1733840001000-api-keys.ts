import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/** Keys for programs (external workers, #18): found by their public prefix; only the secret's hash is stored. */
export class ApiKeys1733840001000 implements MigrationInterface {
  name = 'ApiKeys1733840001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'api_key',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('name', 100),
          col.text('prefix', 16),
          col.text('secretHash', 64),
          col.ref('createdBy'),
          col.timestamp('createdAt'),
          col.timestamp('lastUsedAt', true),
          col.timestamp('revokedAt', true),
        ],
        indices: [index('ux_api_key_prefix', ['prefix'], true), index('ix_api_key_tenant', ['tenantId'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_key');
  }
}
