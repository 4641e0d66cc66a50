import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Subscriptions of four kinds (issue #18): messages as before, and signals, conditional events and the compensations
 * of completed activities. Rows written before are message subscriptions, hence the default. The lookups stay on the
 * (tenantId, messageName, correlationKey) index: a signal is found by tenant and name, the same prefix.
 */
export class SubscriptionKind1733510000000 implements MigrationInterface {
  name = 'SubscriptionKind1733510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('bpmn_subscription', new TableColumn({ name: 'kind', type: 'varchar', length: '16', default: "'message'" }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('bpmn_subscription', 'kind');
  }
}
