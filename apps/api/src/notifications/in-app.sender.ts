import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { Notification } from '../database/entities';
import { NotificationSender, OutgoingNotification } from './notification-sender';

/** Stores the notification for the header bell; one per (user, kind, task), so re-running a detector adds nothing. */
@Injectable()
export class InAppSender implements NotificationSender {
  readonly channel = 'in-app';

  constructor(private readonly ds: DataSource) {}

  async send(n: OutgoingNotification): Promise<boolean> {
    const repo = this.ds.getRepository(Notification);
    const row = { id: newId(), ...n, createdAt: nowIso(), readAt: null };
    if (n.taskId && this.ds.options.type === 'postgres') {
      // One round trip: the unique index decides, and RETURNING says whether this call added the row.
      const added = await repo.createQueryBuilder().insert().orIgnore().values(row).returning('id').execute();
      return (added.raw as unknown[]).length > 0;
    }
    if (await repo.exists({ where: { userId: n.userId, kind: n.kind, taskId: n.taskId ?? IsNull() } })) return false;
    // Two processes may race past the check; the unique index keeps one row and the loser's insert is ignored.
    await repo.createQueryBuilder().insert().orIgnore().values(row).execute();
    return true;
  }
}
