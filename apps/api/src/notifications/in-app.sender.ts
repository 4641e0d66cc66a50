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
    if (await repo.exists({ where: { userId: n.userId, kind: n.kind, taskId: n.taskId ?? IsNull() } })) return false;
    // Two processes may race past the check; the unique index keeps one row and the loser's insert is ignored.
    await repo.createQueryBuilder().insert().orIgnore().values({ id: newId(), ...n, createdAt: nowIso(), readAt: null }).execute();
    return true;
  }
}
