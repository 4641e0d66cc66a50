import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index entries the engine's reads never use, written with every token move (issue #19: WAL pages per command on
 * SQLite, where each index touched is a page more per commit).
 *
 * Lookups by parent (an execution's children, the instances a call activity started) always name a parent, so the
 * rows without one need no index entry: every instance's root execution and every instance not started by a call
 * activity. Their entries cost a page write on every start and every end. `"parentId" = ?` implies `IS NOT NULL`
 * on SQLite and PostgreSQL alike, so the partial indexes serve the same reads.
 *
 * Tasks by execution: only cancelling an execution looked its tasks up that way, and it now names the instance too,
 * whose index holds a handful of tasks per instance; the index was written with every task created.
 *
 * Same syntax on both databases (names quoted: TypeORM created them quoted, and PostgreSQL keeps their case).
 */
export class LeanerEngineIndexes1733940000000 implements MigrationInterface {
  name = 'LeanerEngineIndexes1733940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_bpmn_task_executionId"`);
    await q.query(`DROP INDEX "ix_bpmn_execution_parentId"`);
    await q.query(`CREATE INDEX "ix_bpmn_execution_parentId" ON bpmn_execution ("parentId") WHERE "parentId" IS NOT NULL`);
    await q.query(`DROP INDEX "ix_bpmn_instance_parentExecutionId"`);
    await q.query(
      `CREATE INDEX "ix_bpmn_instance_parentExecutionId" ON bpmn_instance ("parentExecutionId") WHERE "parentExecutionId" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_bpmn_instance_parentExecutionId"`);
    await q.query(`CREATE INDEX "ix_bpmn_instance_parentExecutionId" ON bpmn_instance ("parentExecutionId")`);
    await q.query(`DROP INDEX "ix_bpmn_execution_parentId"`);
    await q.query(`CREATE INDEX "ix_bpmn_execution_parentId" ON bpmn_execution ("parentId")`);
    await q.query(`CREATE INDEX "ix_bpmn_task_executionId" ON bpmn_task ("executionId")`);
  }
}
