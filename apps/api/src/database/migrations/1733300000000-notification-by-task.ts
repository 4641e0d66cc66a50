import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The overdue detector asks "was this task reported yet?" every poll: an index by task answers it. */
export class NotificationByTask1733300000000 implements MigrationInterface {
  name = 'NotificationByTask1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('notification', new TableIndex({ name: 'ix_notification_task_kind', columnNames: ['taskId', 'kind'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('notification', 'ix_notification_task_kind');
  }
}
