import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * Issue #17 "notifications that leave the building", #14 point 11: the outbox of external deliveries (written in
 * the transaction of the change that caused them, claimed by a worker with a lease) and who wants which channel.
 */
export class NotificationOutbox1733720000000 implements MigrationInterface {
  name = 'NotificationOutbox1733720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notification_delivery',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.ref('notificationId', true),
          col.ref('userId', true),
          col.text('channel', 20),
          col.text('address', 200, true),
          col.text('title', 200),
          col.longText('message'),
          col.text('state', 12),
          col.int('attempts', false, 0),
          col.timestamp('nextAttemptAt'),
          col.text('lockOwner', 80, true),
          col.timestamp('lockExpiresAt', true),
          col.longText('lastError', true),
          col.ref('digestId', true),
          col.timestamp('createdAt'),
          col.timestamp('sentAt', true),
        ],
        indices: [
          index('ix_delivery_due', ['state', 'nextAttemptAt']),
          index('ix_delivery_tenant_state', ['tenantId', 'state', 'createdAt']),
          index('ix_delivery_user_channel', ['userId', 'channel', 'state']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_preference',
        columns: [
          col.id(),
          col.ref('tenantId'),
          col.text('subjectType', 8),
          col.text('subject', 64),
          col.json('channels'),
          col.bool('digest', false),
          col.text('email', 200, true),
          col.text('mobile', 20, true),
          col.timestamp('updatedAt'),
        ],
        indices: [index('ux_notification_preference_subject', ['tenantId', 'subjectType', 'subject'], true)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_preference');
    await q.dropTable('notification_delivery');
  }
}
