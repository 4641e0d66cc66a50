import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reads that stay fast as history grows (#19). The inbox from the caller's side: the open tasks assigned to a
 * user, and the instances placed at a unit (the `orgUnit` variable's value), each found through an index instead
 * of reading every open task of the county; overdue work by due time; the dashboard's visits by end time; the
 * instance links' catch-up by start time. All but the last are partial, so the engine's other writes (variables
 * that are not the placement, finished tasks, open instances) do not maintain them. Same syntax on SQLite and
 * PostgreSQL.
 */
export class InboxReads1733900000000 implements MigrationInterface {
  name = 'InboxReads1733900000000';

  async up(q: QueryRunner): Promise<void> {
    // the placement is an instance's own variable (scope = instance): saying so lets the planner count the index's rows
    await q.query(
      `CREATE INDEX ix_bpmn_variable_org_unit ON bpmn_variable ("value", "instanceId") WHERE "name" = 'orgUnit' AND "scopeId" = "instanceId"`,
    );
    await q.query(`CREATE INDEX ix_bpmn_task_open_assignee ON bpmn_task ("assignee") WHERE "state" = 'created'`);
    // overdue work (dashboard, inbox's due filters): a county's open tasks by due time
    await q.query(`CREATE INDEX ix_bpmn_task_open_due ON bpmn_task ("tenantId", "dueAt") WHERE "state" = 'created'`);
    // the dashboard's visits: a county's finished cases of one procedure in the months shown
    await q.query(
      `CREATE INDEX ix_bpmn_instance_completed_key ON bpmn_instance ("tenantId", "key", "endedAt") WHERE "state" = 'completed'`,
    );
    // the student file's catch-up of instances started elsewhere: the recent ones of a county
    await q.query(`CREATE INDEX ix_bpmn_instance_tenant_started ON bpmn_instance ("tenantId", "startedAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_bpmn_instance_tenant_started`);
    await q.query(`DROP INDEX ix_bpmn_instance_completed_key`);
    await q.query(`DROP INDEX ix_bpmn_task_open_due`);
    await q.query(`DROP INDEX ix_bpmn_task_open_assignee`);
    await q.query(`DROP INDEX ix_bpmn_variable_org_unit`);
  }
}
