import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox a page at a time (#19): a county's open tasks newest first, by (createdAt, id), the inbox's order and
 * its keyset cursor. A caller whose units span the county (the bureau's offices) reads the page from this index
 * and stops after it, instead of collecting and sorting every task it may see; its badges count up to a cap the
 * same way. Partial (open tasks only), so finished steps do not maintain it. Same syntax on SQLite and PostgreSQL.
 * (A second one, open tasks by instance for openTasksNear, showed no gain in PostgreSQL CPU and would cost every
 * token move an index entry: not kept.)
 */
export class InboxKeyset1733930000000 implements MigrationInterface {
  name = 'InboxKeyset1733930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_bpmn_task_open_created ON bpmn_task ("tenantId", "createdAt", "id") WHERE "state" = 'created'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_bpmn_task_open_created`);
  }
}
