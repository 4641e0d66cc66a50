import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index entries the reads never use, written on every token move (issue #19: WAL pages per command on SQLite).
 * - The open tasks by assignee: the inbox asks `assignee = :me`, never for the unassigned ones, yet every open task
 *   without an assignee (most of them: offered to a role) had an entry, added when the task was created and
 *   removed when it was completed.
 * - Finished instances by state and end time (retention: `endedAt < :cutoff`): a running instance has no end
 *   time, yet had an entry from its start, moved when it ended.
 * A comparison on the column implies `IS NOT NULL` on SQLite and PostgreSQL alike, so both serve the same reads.
 * The open tasks by due time stay whole: they are also the count of a county's open tasks (monitoring).
 */
export class NarrowOpenTaskIndexes1733940001000 implements MigrationInterface {
  name = 'NarrowOpenTaskIndexes1733940001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_bpmn_task_open_assignee`);
    await q.query(`CREATE INDEX ix_bpmn_task_open_assignee ON bpmn_task ("assignee") WHERE "state" = 'created' AND "assignee" IS NOT NULL`);
    await q.query(`DROP INDEX "ix_bpmn_instance_state_endedAt"`);
    await q.query(`CREATE INDEX "ix_bpmn_instance_state_endedAt" ON bpmn_instance ("state", "endedAt") WHERE "endedAt" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_bpmn_instance_state_endedAt"`);
    await q.query(`CREATE INDEX "ix_bpmn_instance_state_endedAt" ON bpmn_instance ("state", "endedAt")`);
    await q.query(`DROP INDEX ix_bpmn_task_open_assignee`);
    await q.query(`CREATE INDEX ix_bpmn_task_open_assignee ON bpmn_task ("assignee") WHERE "state" = 'created'`);
  }
}
