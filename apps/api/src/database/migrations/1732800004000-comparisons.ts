import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

export class Comparisons1732800004000 implements MigrationInterface {
  name = 'Comparisons1732800004000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'comparison',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.json('importIds'),
          col.text('referenceDate', 10),
          col.json('counts'),
          col.ref('startedBy'),
          col.timestamp('startedAt'),
          col.int('durationMs'),
        ],
        indices: [index('ix_comparison_latest', ['tenantId', 'startedAt'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'comparison_finding',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          col.ref('tenantId'),
          col.ref('comparisonId'),
          col.text('kind', 20),
          col.text('idNumber', 18),
          col.text('name', 50),
          col.text('township', 60, true),
          col.text('village', 60, true),
          col.text('school', 100, true),
          col.text('grade', 20, true),
          col.text('detail', 100, true),
        ],
        indices: [index('ix_finding_comparison_kind', ['comparisonId', 'kind'])],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('comparison_finding');
    await q.dropTable('comparison');
  }
}
