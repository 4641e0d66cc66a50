import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/** Cases beyond the engine's rows: student/scope link, comments, filed attachments, in-app notifications. */
export class WorkflowCases1733200000000 implements MigrationInterface {
  name = 'WorkflowCases1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'process_instance_link',
        columns: [
          col.id('instanceId'),
          col.ref('tenantId'),
          col.text('definitionKey', 255),
          col.int('definitionVersion'),
          col.ref('studentId', true),
          col.text('orgUnitPath', 400),
          col.text('startedBy', 64, true),
          col.timestamp('startedAt'),
        ],
        indices: [
          index('ix_instance_link_student', ['tenantId', 'studentId']),
          index('ix_instance_link_definition', ['tenantId', 'definitionKey']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'task_comment',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('instanceId'),
          col.ref('taskId', true),
          col.text('activityId', 255, true),
          col.longText('body'),
          col.ref('authorId'),
          col.text('authorName', 100),
          col.timestamp('createdAt'),
        ],
        indices: [index('ix_task_comment_instance', ['tenantId', 'instanceId'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'instance_attachment',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('instanceId'),
          col.ref('taskId', true),
          col.text('activityId', 255, true),
          col.ref('attachmentId'),
          col.ref('linkedBy'),
          col.text('linkedByName', 100),
          col.timestamp('linkedAt'),
        ],
        indices: [index('uq_instance_attachment', ['tenantId', 'instanceId', 'attachmentId'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('userId'),
          col.text('kind', 40),
          col.ref('taskId', true),
          col.ref('instanceId', true),
          col.text('title', 200),
          col.longText('message'),
          col.timestamp('createdAt'),
          col.timestamp('readAt', true),
        ],
        indices: [
          index('ix_notification_user_read', ['userId', 'readAt']),
          index('uq_notification_user_kind_task', ['userId', 'kind', 'taskId'], true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification');
    await q.dropTable('instance_attachment');
    await q.dropTable('task_comment');
    await q.dropTable('process_instance_link');
  }
}
