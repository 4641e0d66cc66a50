import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * The approval verbs (#17): 加签 rounds (task_signer), every verb's record for the student file (case_action),
 * 抄送 — who a case was copied to (case_copy, read by the visibility rule) — and the reminders already fired
 * (task_reminder: the unique (taskId, stage) row is the claim that makes each reminder fire once across processes).
 */
export class ApprovalVerbs1733750000000 implements MigrationInterface {
  name = 'ApprovalVerbs1733750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'task_signer',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('instanceId'),
          col.ref('taskId'),
          col.text('activityId', 255),
          col.ref('roundId'),
          col.text('mode', 20),
          col.text('policy', 20, true),
          col.int('ratio', true),
          col.int('position'),
          col.ref('userId'),
          col.text('displayName', 100),
          col.text('state', 20),
          col.longText('opinion', true),
          col.ref('addedBy'),
          col.timestamp('createdAt'),
          col.timestamp('decidedAt', true),
        ],
        indices: [index('ix_task_signer_task_state', ['taskId', 'state']), index('ix_task_signer_user_state', ['userId', 'state'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_action',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('instanceId'),
          col.ref('taskId', true),
          col.text('activityId', 255, true),
          col.text('kind', 40),
          col.ref('actorId', true),
          col.text('actorName', 100, true),
          col.text('title', 500),
          col.json('detail'),
          col.timestamp('createdAt'),
        ],
        indices: [index('ix_case_action_instance', ['tenantId', 'instanceId']), index('ix_case_action_task_kind', ['taskId', 'kind'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_copy',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('instanceId'),
          col.ref('taskId', true),
          col.text('stepName', 255, true),
          col.ref('userId'),
          col.text('source', 20),
          col.ref('byId', true),
          col.text('byName', 100, true),
          col.timestamp('createdAt'),
          col.timestamp('readAt', true),
        ],
        indices: [index('ux_case_copy_instance_user', ['instanceId', 'userId'], true), index('ix_case_copy_user', ['userId', 'createdAt'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'task_reminder',
        columns: [col.id(), col.ref('tenantId'), col.ref('taskId'), col.text('stage', 60), col.int('recipients'), col.timestamp('firedAt')],
        indices: [index('ux_task_reminder_task_stage', ['taskId', 'stage'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['task_reminder', 'case_copy', 'case_action', 'task_signer']) await q.dropTable(t);
  }
}
